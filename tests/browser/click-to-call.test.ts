/**
 * Clicking in CRM pages with the built extension: a trusted click on a control or on the page's
 * own call link asks the hub to dial the right number with the record it belongs to; synthetic
 * clicks never do; the dock mounts without moving the page or breaking its scripts, keeps its
 * place, and an update of the extension swaps its controls for the new version's in open tabs.
 * The hub's side (dial rules, the engine, Kamailio) is tested in click-to-call-dial.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchExtension, type LaunchedExtension } from '../support/browser.ts';
import {
  fixtureNamed,
  loadFixtures,
  serveFixtures,
  type Fixture,
} from '../support/crm-fixtures.ts';
import { startHttpsServer, type HttpsServer } from '../support/https-server.ts';
import { CONTROLS, control, openFixture } from '../support/page-controls.ts';
import { elementBoxes, recordDials, type DialSeen } from '../support/page-probes.ts';

const fixtures = loadFixtures();
const byName = (name: string): Fixture => fixtureNamed(fixtures, name);
let server: HttpsServer;
let browser: LaunchedExtension;
let worker: Worker;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await startHttpsServer();
  serveFixtures(server, fixtures);
  browser = await launchExtension({ httpsPort: server.port });
  worker = await browser.serviceWorker();
  await recordDials(worker);
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  page.on('pageerror', (error) => errors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(() => {
  errors.length = 0;
});

const open = (fixture: Fixture) => openFixture(page, fixture);

const dials = (): Promise<DialSeen[]> => worker.evaluate(() => globalThis.__ctiDials ?? []);

describe('a trusted click', () => {
  it.each(fixtures.filter((f) => f.dial))(
    'on a control in $name dials it with its record',
    async (f) => {
      const spec = f.dial;
      if (!spec) return;
      await open(f);
      const before = (await dials()).length;
      await control(page, spec.number).click();

      await expect.poll(async () => (await dials()).length).toBe(before + 1);
      const [seen] = (await dials()).slice(before);
      expect(seen?.payload.target).toBe(spec.number);
      const record = spec.record ?? f.record;
      expect(seen?.payload.record).toMatchObject(record ?? {});
      expect(errors).toEqual([]);
    },
  );

  it("on the page's tel: link dials the href value: one affordance (C20a)", async () => {
    await open(byName('salesforce/record'));
    const buttons = page.locator(
      `${CONTROLS}[data-cti-number="+49301234567"]:not([data-cti-link])`,
    );
    expect(await buttons.count()).toBe(0);
    const link = page.locator('a[href="tel:%2B49%2030%201234567"]');
    await link.hover();
    await expect.poll(() => page.locator(`${CONTROLS}[data-cti-link]:visible`).count()).toBe(1);

    const before = (await dials()).length;
    await link.click();
    await expect.poll(async () => (await dials()).length).toBe(before + 1);
    expect((await dials()).at(-1)?.payload.target).toBe('+49301234567');
    expect(page.url()).toBe(byName('salesforce/record').url);
  });
});

describe('a synthetic click', () => {
  it('never dials, on a control or on a tel: link', async () => {
    const f = byName('salesforce/record');
    await open(f);
    const before = (await dials()).length;
    await control(page, '+12125550142').evaluate((el) => (el as HTMLElement).click());
    await control(page, '+12125550142').dispatchEvent('click');
    await page.evaluate(() => {
      // The page keeps the browser from handing tel: to the system (a dialog would open).
      const link = document.querySelector<HTMLAnchorElement>('a[href^="tel:"]');
      const stop = (e: Event) => e.preventDefault();
      link?.addEventListener('click', stop);
      link?.click();
      link?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      link?.removeEventListener('click', stop);
    });
    await page.waitForTimeout(500);
    expect((await dials()).length).toBe(before);
  });
});

describe('a control far down a long page', () => {
  it('stays hidden off screen and is placed beside its number once scrolled to', async () => {
    const f = byName('salesforce/record');
    await open(f);
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '4000px';
      const note = document.createElement('p');
      note.id = 'far-number';
      note.textContent = 'Rückruf unter 030 9876543';
      document.body.append(spacer, note, spacer.cloneNode());
    });
    const far = control(page, '+49309876543');
    await expect.poll(() => page.locator(CONTROLS).count()).toBe(f.numbers.length + 1);
    await page.waitForTimeout(300);
    expect(await far.isHidden()).toBe(true);

    // To the middle: the fixture's utility bar covers the bottom of the window.
    await page.evaluate(() =>
      document.getElementById('far-number')?.scrollIntoView({ block: 'center' }),
    );
    await expect.poll(() => far.isVisible()).toBe(true);
    const number = await page.evaluate(() => {
      const text = document.getElementById('far-number')?.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 'Rückruf unter '.length);
      range.setEnd(text, text.length);
      const box = range.getBoundingClientRect();
      return { right: box.right, middle: box.top + box.height / 2 };
    });
    const box = await far.boundingBox();
    expect(Math.abs((box?.x ?? 0) - number.right)).toBeLessThan(8);
    expect(Math.abs((box?.y ?? 0) + (box?.height ?? 0) / 2 - number.middle)).toBeLessThan(4);
  });
});

describe('the dock', () => {
  const dock = () => page.locator('[data-cti-host="dock"]');

  it("changes nothing in the page's layout, and the page's scripts keep running", async () => {
    const f = byName('salesforce/record');
    const plain = await browser.context.newPage();
    await plain.setViewportSize({ width: 1280, height: 1000 });
    await plain.goto(`https://pbx.example.test/__plain/salesforce/record`);
    await plain.waitForFunction(() => document.documentElement.dataset.fixtureLate === 'done');
    const reference = await elementBoxes(plain);
    await plain.close();

    await open(f);
    await expect(dock().count()).resolves.toBe(1);
    expect(await elementBoxes(page)).toEqual(reference);

    const ticks = () => page.locator('#react-counter').getAttribute('data-ticks');
    const first = Number(await ticks());
    await page.waitForTimeout(1000);
    expect(Number(await ticks())).toBeGreaterThanOrEqual(first + 3);
    expect(errors).toEqual([]);
  });

  it("is out of the page's reach: its shadow root is closed", async () => {
    expect(await dock().evaluate((host) => host.shadowRoot)).toBeNull();
  });

  it('follows the dock page folding to its handle, keeps its place on reload', async () => {
    const frame = () => page.frames().find((fr) => fr.url().endsWith('/extension/dock/index.html'));
    await expect.poll(() => Boolean(frame())).toBe(true);
    const dockPage = frame();
    if (!dockPage) throw new Error('no dock frame');

    // The dock page starts unfolded (its own kept state); its fold button folds it.
    await expect.poll(async () => (await dock().boundingBox())?.width).toBe(340);
    await dockPage.locator('button[aria-expanded="true"]').click();
    await expect.poll(async () => (await dock().boundingBox())?.width).toBeLessThan(340);
    const folded = await dock().boundingBox();
    if (!folded) throw new Error('dock not visible');
    expect(folded.height).toBeLessThan(80);

    // The grip is the strip along the top right of the dock.
    await page.mouse.move(folded.x + folded.width - 20, folded.y + 5);
    await page.mouse.down();
    await page.mouse.move(folded.x - 300, folded.y - 200, { steps: 5 });
    await page.mouse.up();
    const moved = await dock().boundingBox();
    expect(moved?.x).toBeCloseTo(folded.x - 280 - folded.width, -1);
    expect(moved?.y).toBeCloseTo(folded.y - 205, -1);

    const reference = await elementBoxes(page);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.fixtureLate === 'done');
    await expect.poll(async () => (await dock().boundingBox())?.x).toBeCloseTo(moved?.x ?? 0, 0);
    expect((await dock().boundingBox())?.y).toBeCloseTo(moved?.y ?? 0, 0);
    expect(await elementBoxes(page)).toEqual(reference);
  });
});

describe('when the extension is updated under the page', () => {
  it("swaps the old version's controls and dock for the new one's, without a reload", async () => {
    const f = byName('hubspot/record');
    await open(f);
    const hosts = page.locator('[data-cti-host]');
    expect(await hosts.count()).toBe(2);
    await hosts.evaluateAll((els) => els.forEach((el) => el.setAttribute('data-old', '')));
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    await browser.update();
    const old = page.locator('[data-cti-host][data-old]');
    await expect.poll(() => old.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => hosts.count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => page.locator(CONTROLS).count()).toBe(f.numbers.length);
    expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);

    let fresh = worker;
    await expect
      .poll(async () => (fresh = await browser.serviceWorker()) !== worker, { timeout: 10_000 })
      .toBe(true);
    await recordDials(fresh);
    await control(page, f.dial?.number ?? '').click();
    const seen = () => fresh.evaluate(() => globalThis.__ctiDials ?? []);
    await expect
      .poll(async () => (await seen()).map((d) => d.payload.target))
      .toEqual([f.dial?.number]);
    expect(errors).toEqual([]);
  });
});
