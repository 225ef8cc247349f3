/**
 * CRM fixture pages (tests/fixtures/crm/<crm>/<name>.html) served at their real URLs by the
 * local HTTPS server. Each page declares what a correct content script finds in it, in
 * `<name>.expected.json` next to it: the page URL, the record it shows, and every number
 * (repeats included) in the order-free form of E.164 strings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RecordRef } from '../../src/protocol/phone-state.ts';
import type { HttpsServer } from './https-server.ts';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/crm', import.meta.url));

export interface Fixture {
  /** `salesforce/record` */
  name: string;
  file: string;
  url: string;
  record?: RecordRef;
  numbers: string[];
  /** A click on `click` navigates inside the app (pushState); then `numbers` are on screen. */
  navigate?: { click: string; url: string; numbers: string[] };
  /** A number a test dials from this page, and what reaches the far end as the user part. */
  dial?: { number: string; expect: string; record?: RecordRef };
}

export function loadFixtures(): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const crm of ['salesforce', 'hubspot', 'zendesk']) {
    const dir = path.join(FIXTURES_DIR, crm);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.expected.json'))) {
      const base = file.replace('.expected.json', '');
      const spec = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Omit<
        Fixture,
        'name' | 'file'
      >;
      fixtures.push({ ...spec, name: `${crm}/${base}`, file: path.join(dir, `${base}.html`) });
    }
  }
  return fixtures;
}

export function fixtureNamed(fixtures: readonly Fixture[], name: string): Fixture {
  const fixture = fixtures.find((f) => f.name === name);
  if (!fixture) throw new Error(`no fixture ${name}`);
  return fixture;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Serves every fixture at its URL (and at the URLs its in-app navigation pushes, so a reload
 * works), plus `/__fixtures/...` for shared scripts, on any host the browser maps here.
 * `pbx.example.test/__plain/<crm>/<name>` serves a page where no content script runs, as a
 * reference for layout comparisons.
 */
export function serveFixtures(server: HttpsServer, fixtures: Fixture[]): () => void {
  const byUrl = new Map<string, string>();
  for (const f of fixtures) if (f.navigate) byUrl.set(stripQuery(f.navigate.url), f.file);
  for (const f of fixtures) byUrl.set(stripQuery(f.url), f.file);
  return server.use((_req, res, url) => {
    let file = byUrl.get(`https://${url.hostname}${url.pathname}`);
    if (!file && url.pathname.startsWith('/__fixtures/')) {
      file = path.join(FIXTURES_DIR, path.normalize(url.pathname.slice('/__fixtures/'.length)));
    }
    if (!file && url.hostname === 'pbx.example.test' && url.pathname.startsWith('/__plain/')) {
      file = path.join(FIXTURES_DIR, `${path.normalize(url.pathname.slice(9))}.html`);
    }
    if (!file?.startsWith(FIXTURES_DIR) || !fs.existsSync(file)) return false;
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(fs.readFileSync(file));
    return true;
  });
}

function stripQuery(url: string): string {
  const u = new URL(url);
  return `https://${u.hostname}${u.pathname}`;
}
