/**
 * Moving the dock by its grip: pointer drags (captured, so a fast move never loses it) and
 * arrow keys (Shift for bigger steps), for people who do not use a mouse.
 */
export interface DragTarget {
  place: () => { right: number; bottom: number };
  move: (right: number, bottom: number) => void;
  /** The move ended: keep the place. */
  done: () => void;
}

const KEYS: Record<string, [number, number]> = {
  ArrowLeft: [1, 0],
  ArrowRight: [-1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

export class DockDrag {
  private start: { x: number; y: number; right: number; bottom: number } | null = null;

  constructor(
    grip: HTMLElement,
    signal: AbortSignal,
    private readonly target: DragTarget,
  ) {
    const on = <K extends keyof HTMLElementEventMap>(
      type: K,
      listener: (e: HTMLElementEventMap[K]) => void,
    ) => grip.addEventListener(type, listener, { signal });

    on('pointerdown', (e) => {
      if (e.button !== 0) return;
      this.start = { x: e.clientX, y: e.clientY, ...target.place() };
      grip.setPointerCapture(e.pointerId);
    });
    on('pointermove', (e) => {
      if (!this.start) return;
      target.move(
        this.start.right - (e.clientX - this.start.x),
        this.start.bottom - (e.clientY - this.start.y),
      );
    });
    const end = (): void => {
      if (!this.start) return;
      this.start = null;
      target.done();
    };
    on('pointerup', end);
    on('pointercancel', end);
    on('keydown', (e) => {
      const step = KEYS[e.key];
      if (!step) return;
      e.preventDefault();
      const size = e.shiftKey ? 50 : 10;
      const { right, bottom } = target.place();
      target.move(right + step[0] * size, bottom + step[1] * size);
      target.done();
    });
  }
}
