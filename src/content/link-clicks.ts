/**
 * The page's own `tel:`, `callto:` and `sip:` links dial through the softphone. A capture
 * listener sees the click before the page's handlers; only a trusted click (a real user, not a
 * script's `.click()` or `dispatchEvent`) dials, and then the browser's default (handing the
 * link to the operating system) is prevented. The page's own handlers still run.
 *
 * Listeners go on the document and on every shadow root the scanner finds: a click inside a
 * closed shadow root reaches the document retargeted to its host, with the link out of sight.
 */
import { isCallLink } from './dom-rules.ts';

export interface LinkClickOptions {
  signal: AbortSignal;
  /** The dial target of a link's href, or null when the softphone cannot dial it. */
  targetOf: (href: string) => string | null;
  dial: (target: string, link: Element) => void;
  /** The call link under the pointer changed (null: none). */
  onHover?: (link: Element | null) => void;
}

export class LinkClicks {
  private readonly seen = new WeakSet<Event>();
  private readonly roots = new WeakSet<Node>();

  constructor(private readonly options: LinkClickOptions) {}

  /** Listen on a document or shadow root; listening twice on one root is a no-op. */
  watch(root: Document | ShadowRoot): void {
    if (this.roots.has(root)) return;
    this.roots.add(root);
    const { signal } = this.options;
    root.addEventListener('click', (e) => this.click(e as MouseEvent), { capture: true, signal });
    if (this.options.onHover) {
      const hover = (e: Event): void => this.hover(e);
      root.addEventListener('pointerover', hover, { capture: true, passive: true, signal });
    }
  }

  private click(event: MouseEvent): void {
    if (this.seen.has(event)) return;
    this.seen.add(event);
    if (!event.isTrusted || event.defaultPrevented || event.button !== 0) return;

    const link = callLinkIn(event);
    const target = link && this.options.targetOf(link.getAttribute('href') ?? '');
    if (!link || !target) return;
    event.preventDefault();
    this.options.dial(target, link);
  }

  private hover(event: Event): void {
    this.options.onHover?.(callLinkIn(event));
  }
}

function callLinkIn(event: Event): Element | null {
  for (const node of event.composedPath()) {
    if (node instanceof Element && isCallLink(node)) return node;
  }
  return null;
}
