/**
 * Click-to-call on a large CRM page (largePage: > 5,000 elements, > 200 numbers), measured in
 * Debian's Chromium: the content script's initial scan (fresh page each run, cold caches, as
 * after a page load), one mutation batch (a React-style re-render of one cell), and the naive
 * baseline, libphonenumber-js's text search over the page's whole text. Also the gzip size of
 * the largest CRM content script as built in dist/ (one file each, vite-content-scripts.ts).
 *
 * The initial scan counts everything the content script does synchronously for it: setting up
 * click-to-call (overlay host, observers, listeners), reading the page's text, detecting every
 * number, a hit for each (its Range is made when its control is placed), and the controls
 * scheduled. The overlay's first layout pass, in the next frame (making every control,
 * observing where the numbers are, placing the on-screen ones), is its own row.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM, DIST } from '../../tests/support/browser.ts';
import { largePage } from './large-page.ts';
import type { Measure, Suite } from './measure.ts';

const RUNS = 9;
const BATCHES = 25;

async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    define: { __DEBUG__: 'false' },
    build: {
      write: false,
      minify: true,
      target: 'chrome116',
      lib: {
        entry: path.resolve('scripts/bench/scan-page.ts'),
        formats: ['iife'],
        name: 'ctiBenchBundle',
      },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs) {
    if ('output' in o) return o.output.map((c) => ('code' in c ? c.code : '')).join('\n');
  }
  throw new Error('no bundle');
}

interface Timed {
  found: number;
  ms: number;
}

/** A new document with the bundle loaded, rendered once: a content script starts after that. */
async function freshPage(page: Page, html: string, code: string): Promise<void> {
  await page.setContent(html);
  await page.addScriptTag({ content: code });
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}

/** Bytes of a content script: its files and any chunk reachable by import from them. */
export function contentScriptGzip(dist = DIST): number {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as {
    content_scripts: { js: string[] }[];
  };
  const sizes = manifest.content_scripts.map((script) => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = fs.readFileSync(path.join(dist, file), 'utf8');
      const refs = code.matchAll(/(?:from\s*|import\(?\s*|getURL\()\s*["']([^"']+\.js)["']/g);
      for (const [, ref = ''] of refs) {
        visit(ref.startsWith('.') ? path.join(path.dirname(file), ref) : ref.replace(/^\//, ''));
      }
    };
    for (const js of script.js) visit(js);
    return [...seen].reduce(
      (sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length,
      0,
    );
  });
  return Math.max(...sizes);
}

export const scanSuite: Suite = {
  name: 'click-to-call scan',
  async run(): Promise<Measure[]> {
    const { html, numbers } = largePage();
    const code = await bundle();
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const ours: number[] = [];
      const naive: number[] = [];
      const oursWarm: number[] = [];
      const layouts: number[] = [];
      const naiveWarm: number[] = [];
      let elements = 0;
      for (let i = 0; i < RUNS; i++) {
        await freshPage(page, html, code);
        elements = await page.evaluate(() => document.querySelectorAll('*').length);
        const scan = await page.evaluate(() => ctiBench.initialScan());
        if (scan.found !== numbers) throw new Error(`scan found ${scan.found} of ${numbers}`);
        ours.push(scan.ms);
        layouts.push(await page.evaluate(() => ctiBench.firstLayout()));
        oursWarm.push((await page.evaluate(() => ctiBench.initialScan())).ms);
        await freshPage(page, html, code);
        naive.push((await page.evaluate(() => ctiBench.naiveScan())).ms);
        naiveWarm.push((await page.evaluate(() => ctiBench.naiveScan())).ms);
      }
      if (elements < 5000) throw new Error(`the page has only ${elements} elements`);

      await freshPage(page, html, code);
      await page.evaluate(() => ctiBench.initialScan());
      const batches: number[] = [];
      for (let i = 0; i < BATCHES; i++) {
        batches.push(await page.evaluate((row) => ctiBench.mutationBatch(row), i * 7));
      }

      const ratio = ours.map((ms, i) => (naive[i] ?? 0) / ms);
      const ratioWarm = oursWarm.map((ms, i) => (naiveWarm[i] ?? 0) / ms);
      const ms = (name: string, samples: number[], goal: number): Measure => ({
        name,
        samples,
        unit: 'ms',
        goal,
      });
      const speedUp = (name: string, samples: number[]): Measure => ({
        name,
        samples,
        unit: 'x',
        goal: 10,
        direction: 'min',
      });
      return [
        ms(`initial scan, fresh page (${elements} elements, ${numbers} numbers)`, ours, 10),
        ms('first overlay pass after it (controls made, on-screen ones placed)', layouts, Infinity),
        ms('naive scan, fresh page (libphonenumber-js over the page text)', naive, Infinity),
        speedUp('initial scan speed-up over naive, fresh page', ratio),
        ms('whole-page rescan, warm (as after in-app navigation)', oursWarm, 10),
        ms('naive scan, warm', naiveWarm, Infinity),
        speedUp('whole-page rescan speed-up over naive, warm', ratioWarm),
        ms('mutation batch (one re-rendered cell)', batches, 1),
        {
          name: 'content script size (gzip)',
          samples: [contentScriptGzip() / 1000],
          unit: 'kB',
          goal: 40,
        },
      ];
    } finally {
      await browser.close();
    }
  },
};

declare global {
  var ctiBench: {
    initialScan(): Timed;
    firstLayout(): Promise<number>;
    mutationBatch(row: number): Promise<number>;
    naiveScan(): Timed;
  };
}
