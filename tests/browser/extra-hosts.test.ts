/**
 * Click-to-call on an extra host (setting `extraHosts`): no content script runs there until
 * the host is named for a CRM and Chrome gives access; then the hub registers the CRM's script,
 * a tab already open gets it at once, a trusted click dials with the record, and the dock
 * stays off (its page is web-accessible to the manifest's sites only). A host Chrome has not
 * opened to the extension gets no script and is named in the options page. `*.my.salesforce.com`
 * stands for the extra host: the manifest holds access to it (for Salesforce's API) without a
 * content script, and granting another host takes Chrome's prompt, which a headless browser
 * cannot answer.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchExtension, type LaunchedExtension } from '../support/browser.ts';
import { fixtureNamed, loadFixtures, serveFixtures } from '../support/crm-fixtures.ts';
import { startHttpsServer, type HttpsServer } from '../support/https-server.ts';
import { hubClient, type HubClient } from '../support/hub-client.ts';
import { CONTROLS, control, controlNumbers } from '../support/page-controls.ts';
import { recordDials, type DialSeen } from '../support/page-probes.ts';

const fixture = fixtureNamed(loadFixtures(), 'salesforce/record');
const EXTRA = 'acme.my.salesforce.com';
const url = fixture.url.replace(new URL(fixture.url).hostname, EXTRA);

let server: HttpsServer;
let browser: LaunchedExtension;
let worker: Worker;
let hub: HubClient;
let page: Page;

beforeAll(async () => {
  server = await startHttpsServer();
  serveFixtures(server, loadFixtures());
  // The record page again, on the extra host.
  server.use((_req, res, at) => {
    if (at.hostname !== EXTRA || at.pathname !== new URL(url).pathname) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(fs.readFileSync(fixture.file));
    return true;
  });
  browser = await launchExtension({ httpsPort: server.port });
  worker = await browser.serviceWorker();
  await recordDials(worker);
  hub = hubClient(await browser.openPage('extension/options/index.html'));
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const registered = (): Promise<string[]> =>
  worker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id).sort(),
  );

const extraHosts = (salesforce: string[]) => ({ salesforce, hubspot: [], zendesk: [] });

const dials = (): Promise<DialSeen[]> => worker.evaluate(() => globalThis.__ctiDials ?? []);

const allLoaded = () =>
  page.waitForFunction(() => document.documentElement.dataset.fixtureLate === 'done');

describe('an extra host', () => {
  it('has no click-to-call while no CRM names it', async () => {
    await page.goto(url);
    await allLoaded();
    await page.waitForTimeout(1000);
    expect(await page.locator(CONTROLS).count()).toBe(0);
    expect(await registered()).toEqual([]);
    // The context menu's entry is set up on install with the (still empty) extra hosts:
    // updating an entry that does not exist fails.
    const menu = () =>
      worker.evaluate(() =>
        chrome.contextMenus.update('cti-call-selection', {}).then(() => 'there'),
      );
    await expect.poll(() => menu().catch(() => 'missing')).toBe('there');
  });

  it("gets the CRM's script once named, in the open tab too, without the dock", async () => {
    // Out of Chrome's sorted order on purpose (see "stays registered" below).
    const hosts = ['zz.my.salesforce.com', EXTRA];
    await hub.send('settings.save', { patch: { extraHosts: extraHosts(hosts) } });
    await expect.poll(registered).toEqual(['extra-links', 'extra-salesforce']);

    // The tab opened before gets its script without a reload.
    await expect
      .poll(() => controlNumbers(page), { timeout: 10_000 })
      .toEqual([...fixture.numbers].sort());
    await page.reload();
    await allLoaded();
    await expect
      .poll(() => controlNumbers(page), { timeout: 10_000 })
      .toEqual([...fixture.numbers].sort());
    expect(await page.locator('[data-cti-host="dock"]').count()).toBe(0);
  });

  it('asks the hub to dial on a trusted click, with the record the page shows', async () => {
    const spec = fixture.dial;
    if (!spec) throw new Error('the record fixture declares no number to dial');
    const before = (await dials()).length;
    await control(page, spec.number).click();
    await expect.poll(async () => (await dials()).length).toBe(before + 1);
    const seen = (await dials()).at(-1);
    expect(seen?.payload.target).toBe(spec.number);
    expect(seen?.payload.record).toMatchObject(fixture.record ?? {});
  });

  it('stays registered through a save that does not touch the hosts', async () => {
    await worker.evaluate(() => {
      const scripting = chrome.scripting as { registerContentScripts: (s: unknown) => unknown };
      const register = scripting.registerContentScripts.bind(scripting);
      const counted = globalThis as { __ctiRegistrations?: number };
      counted.__ctiRegistrations = 0;
      scripting.registerContentScripts = (s) => {
        counted.__ctiRegistrations = (counted.__ctiRegistrations ?? 0) + 1;
        return register(s);
      };
    });
    await hub.send('settings.save', { patch: { screenPop: 'ring' } });
    await page.waitForTimeout(1500);
    const registrations = await worker.evaluate(
      () => (globalThis as { __ctiRegistrations?: number }).__ctiRegistrations,
    );
    expect(registrations).toBe(0);
    expect(await registered()).toEqual(['extra-links', 'extra-salesforce']);
  });

  it('without access gets no script, and the options page names it', async () => {
    const hosts = [EXTRA, 'crm.example.test'];
    await hub.send('settings.save', { patch: { extraHosts: extraHosts(hosts) } });
    const options = await browser.openPage('extension/options/index.html');
    await options.getByText('No access to crm.example.test yet', { exact: false }).waitFor();
    expect(await options.getByRole('button', { name: 'Allow access' }).count()).toBe(1);
    const matches = await worker.evaluate(async () =>
      (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []),
    );
    expect(matches.some((m) => m.includes('crm.example.test'))).toBe(false);
    await options.close();
  });

  it('loses the script when the host is taken out again', async () => {
    await hub.send('settings.save', { patch: { extraHosts: extraHosts([]) } });
    await expect.poll(registered).toEqual([]);
    await page.reload();
    await allLoaded();
    await page.waitForTimeout(1000);
    expect(await page.locator(CONTROLS).count()).toBe(0);
  });
});
