/**
 * Runs inside the benchmark page (bundled by scan.ts): the content script's real scanner,
 * overlay and page watcher, timed with performance.now(); and the naive baseline, which
 * hands the whole page text to libphonenumber-js's own text search.
 */
import { findPhoneNumbersInText } from 'libphonenumber-js';
import { ClickToCall } from '../../src/content/click-to-call.ts';
import { Overlay } from '../../src/content/overlay.ts';
import { PageWatch } from '../../src/content/page-watch.ts';
import { DEFAULT_IGNORE_LABELS } from '../../src/numbers/labels.ts';

interface Timed {
  found: number;
  ms: number;
}

const batches: number[] = [];
let current: { scanner: ClickToCall; stop: AbortController } | null = null;

// Time what one mutation batch costs: reading the records, then the rescan on the next frame.
for (const name of ['record', 'flush'] as const) {
  const proto = PageWatch.prototype as unknown as Record<string, (...args: unknown[]) => void>;
  const original = proto[name];
  if (!original) throw new Error(`PageWatch has no ${name}`);
  proto[name] = function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    original.apply(this, args);
    const ms = performance.now() - t0;
    if (name === 'record') batches.push(ms);
    else batches[batches.length - 1] = (batches.at(-1) ?? 0) + ms;
  };
}

// Time the overlay's layout passes: the first one makes every control and places those on
// screen (reading boxes and testing what covers them), in the frame after the scan.
const layouts: number[] = [];
{
  const proto = Overlay.prototype as unknown as Record<'layout', (this: Overlay) => void>;
  const original = proto.layout;
  proto.layout = function (this: Overlay) {
    const t0 = performance.now();
    original.call(this);
    layouts.push(performance.now() - t0);
  };
}

/** The content script's scan of the whole page: the first on a page, or again once warm. */
function initialScan(): Timed {
  current?.stop.abort();
  layouts.length = 0;
  const stop = new AbortController();
  const t0 = performance.now();
  const scanner = new ClickToCall({
    doc: document,
    signal: stop.signal,
    defaultCountry: 'DE',
    ignoreLabels: DEFAULT_IGNORE_LABELS,
    phoneFieldSelector: 'td[data-label*="phone" i]',
    shadowRootOf: (el) => el.shadowRoot,
    label: (shown) => `Call ${shown}`,
    alive: () => true,
    dial: () => Promise.resolve(),
  });
  scanner.scanAll();
  const ms = performance.now() - t0;
  current = { scanner, stop };
  return { found: scanner.hits.size, ms };
}

/** Re-renders one row's phone cell the way React does, and waits for the batch to run. */
async function mutationBatch(row: number): Promise<number> {
  const cells = document.querySelectorAll('td[data-label="Phone"] .slds-truncate');
  const target = cells[row % cells.length];
  if (!target) throw new Error('no phone cell');
  const before = batches.length;
  target.replaceChildren(document.createTextNode(`+49 40 ${5_000_000 + row}`));
  while (batches.length === before) await new Promise(requestAnimationFrame);
  await new Promise(requestAnimationFrame);
  return batches.at(-1) ?? NaN;
}

/** The first layout pass after the last scan. */
async function firstLayout(): Promise<number> {
  while (!layouts.length) await new Promise(requestAnimationFrame);
  return layouts[0] ?? NaN;
}

function naiveScan(): Timed {
  const t0 = performance.now();
  const found = findPhoneNumbersInText(document.body.textContent ?? '', 'DE');
  return { found: found.length, ms: performance.now() - t0 };
}

Object.assign(globalThis, { ctiBench: { initialScan, firstLayout, mutationBatch, naiveScan } });
