/**
 * Draws one small call control beside each hit, without touching the page's nodes (C19): a
 * single host element at the end of <html>, with an open shadow root holding absolutely placed
 * buttons at viewport coordinates read from each number's Range. Nothing takes layout space.
 * Positions follow scrolling (also of inner scroll areas), resizing and page changes, batched
 * to one layout pass per frame. A control hides when its number is off screen or covered.
 * Only numbers whose element is near the viewport (an IntersectionObserver says which) are
 * measured in a pass: a list view of hundreds of numbers costs a pass what its screen shows.
 *
 * Each control carries `data-cti-number` (what it dials, E.164 where it is a number) and, for
 * an extension, `data-cti-extension`. A page's own call link gets no button of its own (C20a:
 * the link is the affordance); a non-clickable badge with `data-cti-link` shows on hover.
 */
import { splitExtension } from '../numbers/extension.ts';
import { shownAs, type Hit } from './scanner.ts';
import { CONTROL_SIZE, OVERLAY_CSS, phoneIcon } from './overlay-style.ts';
import { OWN_UI_ATTRIBUTE } from './text-blocks.ts';

export interface OverlayOptions {
  doc: Document;
  signal: AbortSignal;
  /** Accessible name of a control for a number shown as `shown`: "Call +49 30 1234567". */
  label: (shown: string) => string;
  /** A trusted click on a control. */
  onCall: (hit: Hit, control: HTMLElement) => void;
}

const GAP = 3;
/** How far beyond the viewport an element counts as near: controls are ready when it scrolls in. */
const NEAR_MARGIN = '50%';

export class Overlay {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  /** Every hit, with its control once a layout pass has made it. */
  private readonly controls = new Map<Hit, HTMLElement | null>();
  /** Controls of removed hits, taken out in the next layout pass. */
  private trash: HTMLElement[] = [];
  private readonly hitOf = new WeakMap<Element, Hit>();
  private hovered: Element | null = null;
  private frame = 0;
  private readonly nearby: IntersectionObserver;
  /** Elements near the viewport, of those holding a hit. */
  private readonly near = new Set<Element>();
  /** How many hits each observed element holds. */
  private readonly observed = new Map<Element, number>();
  /** Each hit's observed element, as it was when the hit was added. */
  private readonly boxes = new Map<Hit, Element>();

  constructor(private readonly options: OverlayOptions) {
    const { doc, signal } = options;
    this.host = doc.createElement('div');
    this.host.setAttribute(OWN_UI_ATTRIBUTE, 'overlay');
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = OVERLAY_CSS;
    this.root.append(style);
    // Inserted by the first layout pass, not now: a scan right after must find styles clean
    // (a change to the document would make its first style query recompute the page).

    this.root.addEventListener('click', (event) => this.click(event), { signal });
    const schedule = (): void => this.schedule();
    const view = doc.defaultView;
    view?.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
    view?.addEventListener('resize', schedule, { passive: true, signal });
    const resized = new ResizeObserver(schedule);
    resized.observe(doc.documentElement);
    this.nearby = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          // No box of its own (`display: contents`, or hidden): the pass measures its text.
          const boxless = !e.boundingClientRect.width && !e.boundingClientRect.height;
          if (e.isIntersecting || boxless) this.near.add(e.target);
          else this.near.delete(e.target);
        }
        this.schedule();
      },
      { rootMargin: NEAR_MARGIN },
    );
    signal.addEventListener('abort', () => {
      resized.disconnect();
      this.nearby.disconnect();
      cancelAnimationFrame(this.frame);
      this.host.remove();
    });
  }

  /** Shows a control for `hit` from the next layout pass on. */
  add(hit: Hit): void {
    this.controls.set(hit, null);
    this.schedule();
  }

  remove(hit: Hit): void {
    const control = this.controls.get(hit);
    if (control) this.trash.push(control);
    this.controls.delete(hit);
    const box = this.boxes.get(hit);
    this.boxes.delete(hit);
    if (box) this.unwatch(box);
    this.schedule();
  }

  /** Observes the element that holds `hit`, if no other hit's control does already. */
  private watch(hit: Hit): void {
    const box = boxOf(hit);
    if (!box) return;
    this.boxes.set(hit, box);
    const count = this.observed.get(box) ?? 0;
    this.observed.set(box, count + 1);
    if (!count) this.nearby.observe(box);
  }

  /** One hit fewer in `box`: with none left, it is no longer observed. */
  private unwatch(box: Element): void {
    const count = (this.observed.get(box) ?? 1) - 1;
    if (count > 0) {
      this.observed.set(box, count);
      return;
    }
    this.observed.delete(box);
    this.near.delete(box);
    this.nearby.unobserve(box);
  }

  private create(hit: Hit): HTMLElement {
    const { doc } = this.options;
    const control = doc.createElement('button');
    control.type = 'button';
    control.className = 'call';
    const { number, extension } = splitExtension(hit.target);
    control.dataset.ctiNumber = number;
    if (extension) control.dataset.ctiExtension = extension;
    if (hit.kind === 'link') {
      control.dataset.ctiLink = '';
      control.tabIndex = -1;
      control.setAttribute('aria-hidden', 'true');
    }
    control.hidden = true;
    this.hitOf.set(control, hit);
    return control;
  }

  /**
   * Name and icon, given when a control first shows: a list view has hundreds of numbers off
   * screen, and reading each one's text (`Range.toString`) and drawing its icon is most of a
   * control's cost. A hidden control is not in the accessibility tree, so it needs neither.
   */
  private dress(control: HTMLElement, hit: Hit): void {
    if (control.firstChild) return;
    if (hit.kind !== 'link') {
      const label = this.options.label(shownAs(hit));
      control.setAttribute('aria-label', label);
      control.title = label;
    }
    control.append(phoneIcon(this.options.doc));
  }

  /** The page's call link under the pointer, whose badge shows while it is hovered. */
  hover(link: Element | null): void {
    if (link === this.hovered) return;
    this.hovered = link;
    this.schedule();
  }

  schedule(): void {
    if (this.frame || this.options.signal.aborted) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.layout();
    });
  }

  /**
   * One pass per frame: takes out removed controls and makes new ones (writes), then reads
   * every box, then places (writes), so the browser lays the page out once.
   */
  layout(): void {
    if (!this.host.isConnected) this.options.doc.documentElement.append(this.host);
    for (const control of this.trash) control.remove();
    this.trash = [];
    const made = this.options.doc.createDocumentFragment();
    for (const [hit, control] of this.controls) {
      if (!control) {
        const fresh = this.create(hit);
        this.controls.set(hit, fresh);
        made.append(fresh);
        this.watch(hit);
      }
    }
    if (made.childNodes.length) this.root.append(made);

    const placed: [HTMLElement, { x: number; y: number } | null][] = [];
    for (const [hit, control] of this.controls) {
      const box = this.boxes.get(hit);
      const show = hit.kind !== 'link' || hit.anchor === this.hovered;
      const near = box ? this.near.has(box) : false;
      if (control) placed.push([control, show && near ? this.position(hit) : null]);
    }
    for (const [control, at] of placed) {
      control.hidden = !at;
      if (!at) continue;
      const hit = this.hitOf.get(control);
      if (hit) this.dress(control, hit);
      control.style.transform = `translate(${Math.round(at.x)}px, ${Math.round(at.y)}px)`;
    }
  }

  private position(hit: Hit): { x: number; y: number } | null {
    const range = hit.span?.range();
    if (hit.span && !range) return null;
    const box = range ? lastRect(range) : (hit.anchor as Element).getBoundingClientRect();
    if (!box || (box.width === 0 && box.height === 0)) return null;
    if (!this.visible(range?.commonAncestorContainer ?? hit.anchor, box)) return null;
    // In a phone input the control sits inside the box's right end, where read-only values
    // leave room; after text it follows the number's last line.
    const x = hit.kind === 'field' ? box.right - CONTROL_SIZE - GAP : box.right + GAP;
    return { x, y: box.top + box.height / 2 - CONTROL_SIZE / 2 };
  }

  /** On screen and not covered: the element at the number's centre is related to it. */
  private visible(own: Node, box: DOMRect): boolean {
    const view = this.options.doc.defaultView;
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (!view || x < 0 || y < 0 || x >= view.innerWidth || y >= view.innerHeight) return false;
    const top = this.options.doc.elementFromPoint(x, y);
    if (!top) return false;
    return composedContains(top, own) || composedContains(own, top);
  }

  private click(event: Event): void {
    const control = (event.target as Element | null)?.closest('.call');
    const hit = control && this.hitOf.get(control);
    event.stopPropagation();
    if (!hit || !event.isTrusted) return;
    this.options.onCall(hit, control as HTMLElement);
  }
}

/** The element whose nearness to the viewport decides whether a hit is measured. */
function boxOf(hit: Hit): Element | null {
  const node = hit.anchor;
  if (node instanceof Element) return node;
  const parent = node.parentNode;
  return parent instanceof ShadowRoot ? parent.host : (parent as Element | null);
}

function lastRect(range: Range): DOMRect | undefined {
  const rects = range.getClientRects();
  return rects[rects.length - 1];
}

/** `outer` contains `inner`, looking through shadow roots to their hosts. */
export function composedContains(outer: Node, inner: Node): boolean {
  for (let node: Node | null = inner; node;) {
    if (node === outer) return true;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return false;
}
