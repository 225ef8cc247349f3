/**
 * Reads a DOM subtree's text the way it reads on screen, in blocks (C20): text in inline
 * elements joins up (`<span>+49 30</span><span> 123 45</span><span>67</span>` is one number),
 * while block elements, table cells and line breaks end a block, so adjacent cells never glue
 * together. Inputs, editable areas, code and our own UI are skipped (C19); `tel:` links and
 * known phone inputs are collected for their own handling. Only reads: it never touches a node.
 */

export interface TextPiece {
  node: Text;
  /** Offset of the node's first character in the block's text. */
  at: number;
}

export interface TextBlock {
  text: string;
  pieces: TextPiece[];
  /** Inside a known phone field of the CRM. */
  phoneField: boolean;
  /** For a table cell, its column's header text: a label for the numbers in it. */
  header?: string;
  /** The innermost block element around the text (null: directly under the scanned root). */
  owner: Element | null;
}

export interface Collected {
  blocks: TextBlock[];
  /** `tel:`, `callto:` and `sip:` links: the link is the control, its text is not scanned. */
  links: Element[];
  /** Inputs that are known phone fields: a control goes beside the box. */
  inputs: HTMLInputElement[];
  shadowRoots: ShadowRoot[];
}

export interface CollectOptions {
  phoneFields: ReadonlySet<Element>;
  shadowRootOf: (element: Element) => ShadowRoot | null;
}

/** Our own hosts (overlay, dock) carry this attribute; their content is never scanned. */
export const OWN_UI_ATTRIBUTE = 'data-cti-host';

const SKIP = new Set(
  (
    'SCRIPT STYLE NOSCRIPT TEMPLATE TEXTAREA SELECT OPTION CODE PRE KBD SAMP svg SVG MATH ' +
    'IFRAME OBJECT EMBED CANVAS VIDEO AUDIO HEAD TITLE'
  ).split(' '),
);
const BOUNDARY = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY BR BUTTON CAPTION DD DETAILS DIALOG DIV DL DT ' +
    'FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LEGEND LI MAIN NAV OL ' +
    'P SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'
  ).split(' '),
);
const EDITABLE = new Set(['', 'true', 'plaintext-only']);
const LINK_SCHEME = /^\s*(tel|callto|sips?):/i;

export function collectText(root: Node, options: CollectOptions): Collected {
  const collector = new Collector(options);
  collector.walk(root);
  collector.flush();
  return collector.result;
}

/** Whether an element starts a block of its own (used to find what a mutation touched). */
export function isBoundary(element: Element, phoneFields: ReadonlySet<Element>): boolean {
  return BOUNDARY.has(element.tagName) || phoneFields.has(element);
}

/** Whether an element's content is never read: editors, code, our own UI. */
export function isSkipped(element: Element): boolean {
  if (SKIP.has(element.tagName) || element.tagName === 'INPUT') return true;
  if (element.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && EDITABLE.has(editable)) return true;
  const role = element.getAttribute('role');
  return role === 'textbox' || role === 'searchbox';
}

export function isCallLink(element: Element): boolean {
  return (
    (element.tagName === 'A' || element.tagName === 'AREA') &&
    LINK_SCHEME.test(element.getAttribute('href') ?? '')
  );
}

class Collector {
  readonly result: Collected = { blocks: [], links: [], inputs: [], shadowRoots: [] };
  private text = '';
  private pieces: TextPiece[] = [];
  private phoneField = false;
  private cell: Element | null = null;
  private owner: Element | null = null;
  private last: Text | null = null;

  constructor(private readonly options: CollectOptions) {}

  walk(node: Node): void {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) this.addText(child as Text);
      else if (child.nodeType === Node.ELEMENT_NODE) this.element(child as Element);
    }
  }

  flush(): void {
    if (this.pieces.length && /\d/.test(this.text)) {
      const block: TextBlock = {
        text: this.text,
        pieces: this.pieces,
        phoneField: this.phoneField,
        owner: this.owner,
      };
      const header = this.cell && columnHeader(this.cell);
      if (header) block.header = header;
      this.result.blocks.push(block);
    }
    this.text = '';
    this.pieces = [];
    this.last = null;
  }

  private element(el: Element): void {
    if (isCallLink(el)) {
      this.result.links.push(el);
      return;
    }
    if (isSkipped(el)) {
      if (el.tagName === 'INPUT' && this.options.phoneFields.has(el)) {
        this.result.inputs.push(el as HTMLInputElement);
      }
      return;
    }

    const shadow = this.options.shadowRootOf(el);
    if (shadow) this.result.shadowRoots.push(shadow);
    const field = this.options.phoneFields.has(el);
    if (!shadow && !field && !BOUNDARY.has(el.tagName)) {
      this.walk(el);
      return;
    }

    this.flush();
    const outer = { field: this.phoneField, cell: this.cell, owner: this.owner };
    this.phoneField = outer.field || field;
    if (el.tagName === 'TD') this.cell = el;
    this.owner = el;
    this.walk(el);
    this.flush();
    this.phoneField = outer.field;
    this.cell = outer.cell;
    this.owner = outer.owner;
  }

  private addText(node: Text): void {
    const data = node.data;
    if (!data) return;
    if (this.last && this.last.parentNode !== node.parentNode) this.join(node, data);
    this.pieces.push({ node, at: this.text.length });
    this.text += data;
    this.last = node;
  }

  /**
   * Where two text nodes from different elements meet: a letter against a digit gets a virtual
   * space (`<b>Mobil</b><span>0151…</span>`); digits against digits stay joined unless layout
   * puts them in separate boxes (flex items, blocks made so by CSS), asked only in that case.
   */
  private join(node: Text, data: string): void {
    const a = /\S(?=\s*$)/.exec(this.text)?.[0] ?? '';
    const b = /\S/.exec(data)?.[0] ?? '';
    const digitA = /\d/.test(a);
    const digitB = /[\d+(]/.test(b);
    if (digitA && digitB && this.last && separatedByLayout(this.last, node)) this.flush();
    else if (/\p{L}/u.test(a) !== /\p{L}/u.test(b) && (digitA || digitB)) this.text += ' ';
  }
}

/** The text of the header cell above a data cell (`<thead>`'s first row). */
function columnHeader(cell: Element): string | undefined {
  const index = (cell as HTMLTableCellElement).cellIndex;
  const head = cell.closest('table')?.tHead?.rows[0]?.cells[index];
  return head?.textContent?.trim().slice(0, 40) || undefined;
}

function separatedByLayout(a: Text, b: Text): boolean {
  const view = a.ownerDocument.defaultView;
  if (!view) return false;
  const chainA = ancestors(a);
  const common = ancestors(b).find((el) => chainA.includes(el));
  const boxed = (el: Element): boolean => {
    const display = view.getComputedStyle(el).display;
    return display !== '' && !display.startsWith('inline') && display !== 'contents';
  };
  const below = (chain: Element[]): Element[] =>
    common ? chain.slice(0, chain.indexOf(common)) : chain;
  return below(chainA).some(boxed) || below(ancestors(b)).some(boxed);
}

function ancestors(node: Node): Element[] {
  const out: Element[] = [];
  for (let el = node.parentElement; el; el = el.parentElement) out.push(el);
  return out;
}
