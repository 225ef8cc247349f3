/**
 * The softphone dock inside a CRM page: an iframe of the extension's dock page, in a closed
 * shadow root so the page's styles and scripts cannot reach it, fixed-positioned so the page's
 * layout never moves. The dock page owns what it shows and whether it is folded to its handle
 * (it unfolds by itself when a call rings in); it reports that by `postMessage`, and the frame
 * here follows: full size, or the handle's size so no empty frame covers the page. This side
 * owns the place: a grip drags the dock (arrow keys move it too), and the place is kept in
 * extension storage for every tab. The phone lives in the offscreen document, so a tab
 * navigating or closing never touches a call.
 */
import { DOCK_CSS, DOCK_HEIGHT, DOCK_WIDTH, GRIP_HEIGHT, HANDLE_BOX } from './dock-style.ts';
import { DockDrag } from './dock-drag.ts';
import { OWN_UI_ATTRIBUTE } from './text-blocks.ts';

export interface DockPlace {
  /** Distance from the viewport's right and bottom edges, in CSS pixels. */
  right: number;
  bottom: number;
}

export interface DockOptions {
  doc: Document;
  signal: AbortSignal;
  /** URL of the dock page (chrome.runtime.getURL). */
  src: string;
  place: DockPlace;
  save: (place: DockPlace) => void;
  text: (key: 'dockMove' | 'dockTitle') => string;
}

export const DEFAULT_PLACE: DockPlace = { right: 16, bottom: 16 };

interface Layout {
  collapsed: boolean;
  width: number;
  height: number;
}

export class Dock {
  readonly host: HTMLElement;
  readonly frame: HTMLIFrameElement;
  private readonly box: HTMLElement;
  private place: DockPlace;
  private layout: Layout = { collapsed: true, ...HANDLE_BOX };

  constructor(private readonly options: DockOptions) {
    const { doc, signal, text } = options;
    this.place = { ...options.place };
    this.host = doc.createElement('div');
    this.host.setAttribute(OWN_UI_ATTRIBUTE, 'dock');
    const root = this.host.attachShadow({ mode: 'closed' });

    const style = doc.createElement('style');
    style.textContent = DOCK_CSS;
    this.box = doc.createElement('div');
    this.box.className = 'dock collapsed';
    const grip = doc.createElement('button');
    grip.type = 'button';
    grip.className = 'grip';
    grip.setAttribute('aria-label', text('dockMove'));
    grip.title = text('dockMove');
    this.frame = doc.createElement('iframe');
    this.frame.src = options.src;
    this.frame.title = text('dockTitle');
    this.box.append(grip, this.frame);
    root.append(style, this.box);
    doc.documentElement.append(this.host);

    new DockDrag(grip, signal, {
      place: () => this.place,
      move: (right, bottom) => this.moveTo(right, bottom),
      done: () => options.save({ ...this.place }),
    });
    const view = doc.defaultView;
    view?.addEventListener('message', (e) => this.onMessage(e), { signal });
    view?.addEventListener('resize', () => this.render(), { signal, passive: true });
    signal.addEventListener('abort', () => this.host.remove());
    this.render();
  }

  /** Only the dock page in our own frame may change the layout, never the host page. */
  private onMessage(event: MessageEvent): void {
    if (event.source !== this.frame.contentWindow) return;
    if (event.origin !== new URL(this.options.src).origin) return;
    const data = event.data as Partial<Layout> & { source?: unknown };
    if (data?.source !== 'cti-dock' || typeof data.collapsed !== 'boolean') return;
    const size = (v: unknown, max: number, fallback: number) =>
      typeof v === 'number' && v > 0 ? Math.min(Math.ceil(v), max) : fallback;
    this.layout = data.collapsed
      ? {
          collapsed: true,
          width: size(data.width, DOCK_WIDTH, HANDLE_BOX.width),
          height: size(data.height, DOCK_HEIGHT, HANDLE_BOX.height),
        }
      : { collapsed: false, width: DOCK_WIDTH, height: DOCK_HEIGHT };
    this.render();
  }

  private moveTo(right: number, bottom: number): void {
    [this.place.right, this.place.bottom] = this.clamp(right, bottom);
    this.render();
  }

  private render(): void {
    const { collapsed, width, height } = this.layout;
    this.box.classList.toggle('collapsed', collapsed);
    this.frame.style.width = `${width}px`;
    this.frame.style.height = `${height}px`;
    const [right, bottom] = this.clamp(this.place.right, this.place.bottom);
    this.host.style.right = `${right}px`;
    this.host.style.bottom = `${bottom}px`;
  }

  /** Keeps the dock inside the viewport, whatever was stored or dragged. */
  private clamp(right: number, bottom: number): [number, number] {
    const view = this.options.doc.defaultView;
    const w = this.layout.width;
    const h = this.layout.height + GRIP_HEIGHT;
    const maxRight = Math.max(0, (view?.innerWidth ?? w) - w);
    const maxBottom = Math.max(0, (view?.innerHeight ?? h) - h);
    return [Math.min(Math.max(0, right), maxRight), Math.min(Math.max(0, bottom), maxBottom)];
  }
}
