/**
 * Finds what can be called in a DOM subtree and its shadow roots: numbers in text (as spans of
 * text nodes, so nothing in the page is rewritten, C19), the page's own call links, and known
 * phone inputs.
 */
import { findPhoneNumbers, type FindOptions } from '../numbers/find-numbers.ts';
import type { LabelMatcher } from '../numbers/labels.ts';
import { linkTarget } from '../numbers/link-target.ts';
import { withExtension } from '../numbers/extension.ts';
import type { CountryCode } from '../numbers/phone-lib.ts';
import { collectText, type TextBlock } from './text-blocks.ts';

export type HitKind = 'text' | 'link' | 'field';

export interface Hit {
  kind: HitKind;
  /** What a click dials: E.164 (with `;ext=`), an internal number, or a SIP URI. */
  target: string;
  /** The node the hit stands for: its text node, link or input. */
  anchor: Node;
  /** Where a text hit is on screen; links and fields use their element's box. */
  span?: TextSpan;
}

/**
 * A text hit's characters: first and last node and offset. The Range is made when the overlay
 * first places the control: most numbers of a long list are never on screen, and every live
 * Range costs the page a little on each change to its document.
 */
export class TextSpan {
  private live: Range | null = null;
  /** The nodes' text when the number was read there. */
  private readonly startText: string;
  private readonly endText: string;

  constructor(
    readonly start: Text,
    readonly from: number,
    readonly end: Text,
    readonly to: number,
  ) {
    this.startText = start.data;
    this.endText = end.data;
  }

  /** Null once the text changed under it (the rescan that follows replaces the hit). */
  range(): Range | null {
    if (this.live) return this.live;
    const { start, end } = this;
    if (!start.isConnected || !end.isConnected) return null;
    if (start.data !== this.startText || end.data !== this.endText) return null;
    const range = start.ownerDocument.createRange();
    range.setStart(start, this.from);
    range.setEnd(end, this.to);
    this.live = range;
    return range;
  }
}

export interface ScanContext {
  defaultCountry: CountryCode;
  labels: LabelMatcher;
  /** One selector list for every known phone field of the CRM. */
  phoneFieldSelector: string;
  shadowRootOf: (element: Element) => ShadowRoot | null;
  /** The label of the CRM field a block is the value of, when the CRM says (page-adapter.ts). */
  fieldLabel?: (element: Element) => string | undefined;
}

export interface ScanResult {
  hits: Hit[];
  /** Shadow roots met on the way (also scanned), for the caller to observe. */
  shadowRoots: ShadowRoot[];
}

type Root = Element | Document | ShadowRoot;

/** A hit's number as the page shows it (the control's name says what it calls, as written). */
export function shownAs(hit: Hit): string {
  const written = hit.span
    ? (hit.span.range()?.toString() ?? '')
    : ((hit.anchor as HTMLInputElement).value ?? '');
  const text = written.replace(/\s+/g, ' ').trim().slice(0, 60);
  return text || hit.target;
}

export function scan(root: Root, context: ScanContext): ScanResult {
  const result: ScanResult = { hits: [], shadowRoots: [] };
  scanInto(root, context, result);
  return result;
}

function scanInto(root: Root, context: ScanContext, result: ScanResult): void {
  const phoneFields = new Set<Element>(
    context.phoneFieldSelector ? root.querySelectorAll(context.phoneFieldSelector) : [],
  );
  if (
    root instanceof Element &&
    context.phoneFieldSelector &&
    root.matches(context.phoneFieldSelector)
  ) {
    phoneFields.add(root);
  }
  const collected = collectText(root, { phoneFields, shadowRootOf: context.shadowRootOf });

  for (const block of collected.blocks) textHits(block, context, result.hits);
  for (const link of collected.links) {
    const target = linkTarget(link.getAttribute('href') ?? '', context.defaultCountry);
    if (target) result.hits.push({ kind: 'link', target, anchor: link });
  }
  for (const input of collected.inputs) {
    const [m] = findPhoneNumbers(input.value, { ...context, phoneField: true });
    if (m)
      result.hits.push({
        kind: 'field',
        target: withExtension(m.e164, m.extension),
        anchor: input,
      });
  }
  for (const shadow of collected.shadowRoots) {
    result.shadowRoots.push(shadow);
    scanInto(shadow, context, result);
  }
}

function textHits(block: TextBlock, context: ScanContext, hits: Hit[]): void {
  const label = block.header ?? (block.owner && context.fieldLabel?.(block.owner));
  const options: FindOptions = {
    defaultCountry: context.defaultCountry,
    labels: context.labels,
    phoneField: block.phoneField,
  };
  if (label) options.before = label;
  const matches = findPhoneNumbers(block.text, options);
  for (const m of matches) {
    const start = locate(block, m.start);
    const end = locate(block, m.end - 1);
    if (!start || !end) continue;
    hits.push({
      kind: 'text',
      target: withExtension(m.e164, m.extension),
      anchor: start.node,
      span: new TextSpan(start.node, start.offset, end.node, end.offset + 1),
    });
  }
}

/** The text node and offset holding the block's character at `offset`. */
function locate(block: TextBlock, offset: number): { node: Text; offset: number } | null {
  for (let i = block.pieces.length - 1; i >= 0; i--) {
    const piece = block.pieces[i];
    if (piece && piece.at <= offset) {
      const inner = offset - piece.at;
      return inner < piece.node.data.length ? { node: piece.node, offset: inner } : null;
    }
  }
  return null;
}
