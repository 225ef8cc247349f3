/**
 * The softphone dock inside a CRM page: an iframe of the extension's dock page, in a closed
 * shadow root so the page's styles and scripts cannot reach it. Fixed-positioned, so the page's
 * layout never moves. It collapses to a round handle (the start state), can be dragged, and
 * keeps its place and state in extension storage, shared by every tab. The iframe is created
 * the first time the dock opens; the phone itself lives in the offscreen document, so a tab
 * navigating or closing never touches a call.
 */
import { DOCK_CSS, DOCK_HEIGHT, DOCK_WIDTH, HANDLE_SIZE } from './dock-style.ts';
import { phoneIcon } from './overlay-style.ts';
import { OWN_UI_ATTRIBUTE } from './text-blocks.ts';

export interface DockPlace {
  /** Distance from the viewport's right and bottom edges, in CSS pixels. */
  right: number;
  bottom: number;
  open: boolean;
}

export interface DockOptions {
  doc: Document;
  signal: AbortSignal;
  /** URL of the dock page (chrome.runtime.getURL). */
  src: string;
  place: DockPlace;
  save: (place: DockPlace) => void;
  text: (key: 'dockOpen' | 'dockHide' | 'dockMove' | 'dockTitle') => string;
}

export const DEFAULT_PLACE: DockPlace = { right: 16, bottom: 16, open: false };

export class Dock {
  readonly host: HTMLElement;
  private readonly handle: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private frame: HTMLIFrameElement | null = null;
  private place: DockPlace;

  constructor(private readonly options: DockOptions) {
    const { doc, signal, text } = options;
    this.place = { ...options.place };
    this.host = doc.createElement('div');
    this.host.setAttribute(OWN_UI_ATTRIBUTE, 'dock');
    const root = this.host.attachShadow({ mode: 'closed' });

    const style = doc.createElement('style');
    style.textContent = DOCK_CSS;
    const dock = el(doc, 'div', 'dock');
    this.handle = el(doc, 'button', 'handle');
    this.handle.type = 'button';
    this.handle.setAttribute('aria-label', text('dockOpen'));
    this.handle.title = text('dockOpen');
    this.handle.append(phoneIcon(doc));
    this.panel = el(doc, 'div', 'panel');
    this.panel.setAttribute('role', 'region');
    this.panel.setAttribute('aria-label', text('dockTitle'));
    const bar = el(doc, 'div', 'bar');
    const grip = button(doc, 'grip', '⠿', text('dockMove'));
    const hide = button(doc, 'hide', '–', text('dockHide'));
    bar.append(grip, hide);
    this.panel.append(bar);
    dock.append(this.handle, this.panel);
    root.append(style, dock);
    doc.documentElement.append(this.host);

    this.handle.addEventListener('click', () => this.setOpen(true), { signal });
    hide.addEventListener('click', () => this.setOpen(false), { signal });
    this.draggable(this.handle, signal);
    this.draggable(grip, signal);
    grip.addEventListener('keydown', (e) => this.nudge(e), { signal });
    doc.defaultView?.addEventListener('resize', () => this.render(), { signal, passive: true });
    signal.addEventListener('abort', () => this.host.remove());
    this.render();
  }

  setOpen(open: boolean): void {
    this.place.open = open;
    this.options.save({ ...this.place });
    this.render();
    if (open) (this.frame ?? this.panel).focus();
  }

  private render(): void {
    const { open } = this.place;
    if (open && !this.frame) {
      this.frame = this.options.doc.createElement('iframe');
      this.frame.src = this.options.src;
      this.frame.title = this.options.text('dockTitle');
      this.panel.append(this.frame);
    }
    this.handle.hidden = open;
    this.panel.hidden = !open;
    const [right, bottom] = this.clamp(this.place.right, this.place.bottom);
    this.host.style.right = `${right}px`;
    this.host.style.bottom = `${bottom}px`;
  }

  /** Keeps the dock inside the viewport, whatever was stored or dragged. */
  private clamp(right: number, bottom: number): [number, number] {
    const view = this.options.doc.defaultView;
    const w = this.place.open ? DOCK_WIDTH : HANDLE_SIZE;
    const h = this.place.open ? DOCK_HEIGHT : HANDLE_SIZE;
    const maxRight = Math.max(0, (view?.innerWidth ?? w) - w);
    const maxBottom = Math.max(0, (view?.innerHeight ?? h) - h);
    return [Math.min(Math.max(0, right), maxRight), Math.min(Math.max(0, bottom), maxBottom)];
  }

  private draggable(target: HTMLElement, signal: AbortSignal): void {
    let start: { x: number; y: number; right: number; bottom: number; moved: boolean } | null;
    start = null;
    target.addEventListener(
      'pointerdown',
      (e) => {
        if (e.button !== 0) return;
        start = { x: e.clientX, y: e.clientY, ...this.place, moved: false };
        target.setPointerCapture(e.pointerId);
      },
      { signal },
    );
    target.addEventListener(
      'pointermove',
      (e) => {
        if (!start) return;
        const dx = e.clientX - start.x;
        const dy = e.clientY - start.y;
        start.moved ||= Math.abs(dx) + Math.abs(dy) > 4;
        if (!start.moved) return;
        [this.place.right, this.place.bottom] = this.clamp(start.right - dx, start.bottom - dy);
        this.render();
      },
      { signal },
    );
    const end = (e: PointerEvent): void => {
      if (!start) return;
      // A drag that moved must not also count as a click on the handle.
      if (start.moved) {
        e.preventDefault();
        target.addEventListener('click', (c) => c.stopImmediatePropagation(), {
          capture: true,
          once: true,
        });
        this.options.save({ ...this.place });
      }
      start = null;
    };
    target.addEventListener('pointerup', end, { signal });
    target.addEventListener('pointercancel', end, { signal });
  }

  /** Arrow keys move the dock from its grip, for keyboard users. */
  private nudge(e: KeyboardEvent): void {
    const step = e.shiftKey ? 50 : 10;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    [this.place.right, this.place.bottom] = this.clamp(
      this.place.right + move[0],
      this.place.bottom + move[1],
    );
    this.options.save({ ...this.place });
    this.render();
  }
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls: string) {
  const node = doc.createElement(tag);
  node.className = cls;
  return node;
}

function button(doc: Document, cls: string, glyph: string, label: string): HTMLButtonElement {
  const b = el(doc, 'button', cls);
  b.type = 'button';
  b.textContent = glyph;
  b.setAttribute('aria-label', label);
  b.title = label;
  return b;
}
