/** Look of the click-to-call controls, inside the overlay's shadow root (page CSS cannot reach). */
export const CONTROL_SIZE = 18;

export const OVERLAY_CSS = `
:host { all: initial; position: fixed; inset: 0 auto auto 0; width: 0; height: 0;
  z-index: 2147483000; pointer-events: none; contain: layout style; }
.call { all: initial; box-sizing: border-box; position: absolute; left: 0; top: 0;
  width: ${CONTROL_SIZE}px; height: ${CONTROL_SIZE}px; padding: 3px; border-radius: 50%;
  background: #0a7d42; color: #fff; cursor: pointer; pointer-events: auto; opacity: .85;
  box-shadow: 0 1px 2px rgb(0 0 0 / .35); display: block; will-change: transform; }
.call:hover, .call:focus-visible { opacity: 1; }
.call:focus-visible { outline: 2px solid #1b5fcc; outline-offset: 1px; }
.call[data-cti-link] { pointer-events: none; background: #4a5560; }
.call[data-cti-state="failed"] { background: #b3261e; }
.call[hidden] { display: none; }
.call svg { display: block; width: 100%; height: 100%; fill: currentColor; }
`;

/** A handset glyph, drawn from DOM calls (no markup strings). */
export function phoneIcon(doc: Document): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(ns, 'path');
  path.setAttribute(
    'd',
    'M4 3h4l2 5-2.5 2a12 12 0 0 0 6 6l2-2.5 5 2v4.5a2 2 0 0 1-2 2A17 17 0 0 1 2 5a2 2 0 0 1 2-2z',
  );
  svg.append(path);
  return svg;
}
