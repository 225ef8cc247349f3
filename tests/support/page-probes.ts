/** Probes for browser tests: what the hub was asked, and where a page's elements are. */
import type { Page, Worker } from 'playwright-core';
import type { Envelope } from '../../src/protocol/channel.ts';

export type DialSeen = Envelope<'phone.dial'>;

declare global {
  var __ctiDials: DialSeen[] | undefined;
}

/**
 * Records every `phone.dial` request that reaches the service worker, beside whatever hub
 * handles it, so a test sees exactly what a page asked for.
 */
export async function recordDials(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    globalThis.__ctiDials = [];
    chrome.runtime.onMessage.addListener((message: unknown) => {
      const m = message as DialSeen | null;
      if (m?.name === 'phone.dial') globalThis.__ctiDials?.push(m);
      return false;
    });
  });
}

/** The box of every element in <body>, in document order, rounded to a tenth of a pixel. */
export function elementBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.body.querySelectorAll('*')).map((el) => {
      const r = el.getBoundingClientRect();
      const n = (v: number) => Math.round(v * 10) / 10;
      return `${el.tagName} ${n(r.x)},${n(r.y)} ${n(r.width)}x${n(r.height)}`;
    }),
  );
}
