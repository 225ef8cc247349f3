/**
 * Watches a page for content rendered later, single-page-app navigation and in-place updates
 * (React replacing text, LWC re-rendering), including inside shadow roots, which a document
 * observer cannot see. Changes are reduced to the smallest blocks that hold them and handed
 * over once per animation frame; attribute changes that only move things ask for a re-layout.
 */
import { composedContains } from './overlay.ts';
import { isBoundary, isSkipped, OWN_UI_ATTRIBUTE } from './text-blocks.ts';

export type ScanRoot = Element | Document | ShadowRoot;

export interface PageWatchOptions {
  signal: AbortSignal;
  /** Known phone fields start their own block (see text-blocks.ts). */
  phoneFieldSelector: string;
  /** Called once per frame with the changed blocks, outermost only. */
  onChanged: (roots: ScanRoot[]) => void;
  /** Something may have moved: controls need placing again. */
  onMoved: () => void;
}

const OPTIONS: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['class', 'style', 'hidden', 'open', 'href', 'aria-expanded'],
};

export class PageWatch {
  private readonly observer: MutationObserver;
  private readonly dirty = new Set<ScanRoot>();
  private readonly watched = new WeakSet<Node>();
  private frame = 0;

  constructor(private readonly options: PageWatchOptions) {
    this.observer = new MutationObserver((records) => this.record(records));
    options.signal.addEventListener('abort', () => {
      this.observer.disconnect();
      cancelAnimationFrame(this.frame);
    });
  }

  observe(root: Document | ShadowRoot): void {
    if (this.watched.has(root) || this.options.signal.aborted) return;
    this.watched.add(root);
    this.observer.observe(root, OPTIONS);
  }

  /** Mark the block around `node` as changed (an input's value, for instance). */
  touch(node: Node): void {
    const root = this.blockOf(node, new Map());
    if (root) this.dirty.add(root);
    this.schedule();
  }

  private record(records: MutationRecord[]): void {
    const memo = new Map<Node, ScanRoot | null>();
    let moved = false;
    for (const r of records) {
      if (r.type === 'attributes' && r.attributeName !== 'href') {
        moved ||= !ownUi(r.target);
        continue;
      }
      // Our own hosts coming and going (overlay, dock) change nothing to scan.
      if (r.type === 'childList' && onlyOwnHosts(r)) continue;
      const root = this.blockOf(r.target, memo);
      if (root) this.dirty.add(root);
    }
    if (moved) this.options.onMoved();
    if (this.dirty.size) this.schedule();
  }

  private schedule(): void {
    if (this.frame || this.options.signal.aborted) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.flush();
    });
  }

  private flush(): void {
    const roots = [...this.dirty].filter((r) => r.isConnected);
    this.dirty.clear();
    const outermost = roots.filter(
      (r) => !roots.some((other) => other !== r && composedContains(other, r)),
    );
    if (outermost.length) this.options.onChanged(outermost);
  }

  /**
   * The nearest block (or shadow root, or document) holding `node`; null when the node is in
   * something never scanned (an editor, our own UI) or no longer in the page.
   */
  private blockOf(node: Node, memo: Map<Node, ScanRoot | null>): ScanRoot | null {
    const root = cleanRoot(node, memo);
    if (!root) return null;
    for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
      if (n instanceof Element && isBoundary(n, this.fieldsAround(n))) return n;
    }
    return root;
  }

  private fieldsAround(el: Element): ReadonlySet<Element> {
    const selector = this.options.phoneFieldSelector;
    return selector && el.matches(selector) ? new Set([el]) : NONE;
  }
}

const NONE: ReadonlySet<Element> = new Set();

/** The document or shadow root above `node`, or null if an ancestor is never scanned. */
function cleanRoot(node: Node, memo: Map<Node, ScanRoot | null>): ScanRoot | null {
  const visited: Node[] = [];
  let result: ScanRoot | null = null;
  for (let n: Node | null = node; n; n = n.parentNode) {
    const known = memo.get(n);
    if (known !== undefined) {
      result = known;
      break;
    }
    visited.push(n);
    if (n instanceof Element && isSkipped(n)) break;
    if (n instanceof ShadowRoot || n instanceof Document) {
      result = n;
      break;
    }
  }
  for (const v of visited) memo.set(v, result);
  return result;
}

function onlyOwnHosts(record: MutationRecord): boolean {
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return (
    nodes.length > 0 && nodes.every((n) => n instanceof Element && n.hasAttribute(OWN_UI_ATTRIBUTE))
  );
}

function ownUi(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  return Boolean(el?.closest(`[${OWN_UI_ATTRIBUTE}]`));
}
