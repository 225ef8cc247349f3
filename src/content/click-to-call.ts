/**
 * Click-to-call on one page: scans it once, then keeps the controls in step with the page as
 * it changes, until its signal aborts. Owns the hits; the scanner finds them, the overlay
 * draws them, the watcher says what changed, and link clicks dial the page's own links.
 */
import { compileLabels } from '../numbers/labels.ts';
import { linkTarget } from '../numbers/link-target.ts';
import type { CountryCode } from '../numbers/phone-lib.ts';
import { LinkClicks } from './link-clicks.ts';
import { composedContains, Overlay } from './overlay.ts';
import { PageWatch, type ScanRoot } from './page-watch.ts';
import { scan, type Hit, type ScanContext } from './scanner.ts';

export interface ClickToCallOptions {
  doc: Document;
  signal: AbortSignal;
  defaultCountry: CountryCode;
  ignoreLabels: readonly string[];
  phoneFieldSelector: string;
  shadowRootOf: (element: Element) => ShadowRoot | null;
  fieldLabel?: (element: Element) => string | undefined;
  label: (shown: string) => string;
  /** False once the extension is gone (and then everything is torn down). */
  alive: () => boolean;
  /** Place a call; rejects with a message the control shows. */
  dial: (target: string, anchor: Node) => Promise<void>;
}

export class ClickToCall {
  readonly hits = new Set<Hit>();
  private readonly context: ScanContext;
  private readonly overlay: Overlay;
  private readonly watch: PageWatch;
  private readonly links: LinkClicks;

  constructor(private readonly options: ClickToCallOptions) {
    const { doc, signal } = options;
    this.context = {
      defaultCountry: options.defaultCountry,
      labels: compileLabels(options.ignoreLabels),
      phoneFieldSelector: options.phoneFieldSelector,
      shadowRootOf: options.shadowRootOf,
      ...(options.fieldLabel ? { fieldLabel: options.fieldLabel } : {}),
    };
    this.overlay = new Overlay({
      doc,
      signal,
      label: options.label,
      onCall: (hit, control) => void this.call(hit, control),
    });
    this.watch = new PageWatch({
      signal,
      phoneFieldSelector: options.phoneFieldSelector,
      onChanged: (roots) => this.rescan(roots),
      onMoved: () => this.overlay.schedule(),
    });
    this.links = new LinkClicks({
      signal,
      targetOf: (href) => linkTarget(href, options.defaultCountry),
      dial: (target, link) => void options.dial(target, link).catch(() => undefined),
      onHover: (link) => this.overlay.hover(link),
    });

    this.links.watch(doc);
    this.watch.observe(doc);
    const edited = (e: Event): void => {
      const input = e.composedPath()[0];
      if (input instanceof HTMLInputElement && options.phoneFieldSelector) {
        if (input.matches(options.phoneFieldSelector)) this.watch.touch(input);
      }
    };
    doc.addEventListener('change', edited, { capture: true, signal });
    doc.addEventListener('input', edited, { capture: true, signal });
    signal.addEventListener('abort', () => this.hits.clear());
  }

  /** The first full scan of the page. */
  scanAll(): void {
    this.rescan([this.options.doc]);
  }

  /** Forget the hits in `roots` (and any whose node left the page) and scan them again. */
  rescan(roots: readonly ScanRoot[]): void {
    if (this.options.signal.aborted || !this.options.alive()) return;
    for (const hit of this.hits) {
      const gone = !hit.anchor.isConnected || roots.some((r) => composedContains(r, hit.anchor));
      if (gone) {
        this.hits.delete(hit);
        this.overlay.remove(hit);
      }
    }
    for (const root of roots) {
      const result = scan(root, this.context);
      for (const shadow of result.shadowRoots) {
        this.watch.observe(shadow);
        this.links.watch(shadow);
      }
      for (const hit of result.hits) {
        this.hits.add(hit);
        this.overlay.add(hit);
      }
    }
    this.overlay.schedule();
  }

  private async call(hit: Hit, control: HTMLElement): Promise<void> {
    try {
      await this.options.dial(hit.target, hit.anchor);
    } catch (error) {
      // The reason for a while (the hub also shows it in a notification), then the label again.
      const label = control.title;
      control.dataset.ctiState = 'failed';
      control.title = error instanceof Error ? error.message : String(error);
      setTimeout(() => {
        delete control.dataset.ctiState;
        control.title = label;
      }, 3000);
    }
  }
}
