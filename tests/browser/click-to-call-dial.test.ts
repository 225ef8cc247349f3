/**
 * From a click in a CRM page to the far end: the built extension registered on the test
 * Kamailio, a trusted click on a number, the hub's dial rules, the engine's INVITE, and the
 * number as it reaches a PSTN gateway behind the PBX (SIPp). Each call rings and ends busy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Settings } from '../../src/settings/settings.ts';
import { registerAgent } from '../support/agent.ts';
import { ACCOUNTS } from '../support/kamailio.ts';
import { launchExtension, type LaunchedExtension } from '../support/browser.ts';
import {
  fixtureNamed,
  loadFixtures,
  serveFixtures,
  type Fixture,
} from '../support/crm-fixtures.ts';
import { startHttpsServer, type HttpsServer } from '../support/https-server.ts';
import type { HubClient } from '../support/hub-client.ts';
import { CONTROLS, control, openFixture } from '../support/page-controls.ts';
import { startPstnGateway, type PstnGateway } from '../support/pstn-gateway.ts';

const fixtures = loadFixtures();
const byName = (name: string): Fixture => fixtureNamed(fixtures, name);
let server: HttpsServer;
let browser: LaunchedExtension;
let hub: HubClient;
let gateway: PstnGateway;
let page: Page;

beforeAll(async () => {
  server = await startHttpsServer();
  serveFixtures(server, fixtures);
  gateway = await startPstnGateway();
  browser = await launchExtension({ httpsPort: server.port });
  hub = await registerAgent(browser);
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
});

afterAll(async () => {
  await gateway?.stop();
  await browser?.close();
  await server?.close();
});

const open = (fixture: Fixture) => openFixture(page, fixture);

/** Clicks, then waits for the gateway to see one more INVITE and the call to end. */
async function dialled(click: () => Promise<void>): Promise<string | undefined> {
  const before = gateway.dialled().length;
  await click();
  await expect.poll(() => gateway.dialled().length, { timeout: 10_000 }).toBe(before + 1);
  await hub.until((s) => s.calls.every((c) => c.state === 'ended'));
  return gateway.dialled().at(-1);
}

const rules = (patch: Partial<Settings>) => hub.send('settings.save', { patch });

describe('a click on a number rings the far end with it', () => {
  it.each(['salesforce/record', 'hubspot/list', 'zendesk/ticket'])('in %s', async (name) => {
    const f = byName(name);
    const spec = f.dial;
    if (!spec) throw new Error(`${name} declares no number to dial`);
    await open(f);
    expect(await dialled(() => control(page, spec.number).click())).toBe(spec.expect);
  });

  it('the call carries the record it was dialled from', async () => {
    const calls = (await hub.send('phone.snapshot', null)).calls;
    expect(calls.at(-1)?.record).toMatchObject(byName('zendesk/ticket').record ?? {});
  });

  it('an extension is not dialled with the number', async () => {
    await open(byName('hubspot/list'));
    const ext = page.locator(`${CONTROLS}[data-cti-extension="204"]`);
    expect(await dialled(() => ext.click())).toBe('+12125550153');
  });

  it("the page's own tel: link dials its href value", async () => {
    await open(byName('salesforce/record'));
    const link = page.locator('a[href="tel:%2B49%2030%201234567"]');
    expect(await dialled(() => link.click())).toBe('+49301234567');
  });
});

describe('the context menu', () => {
  it('calls the selected number', async () => {
    const worker = await browser.serviceWorker();
    const info = {
      menuItemId: 'cti-call-selection',
      selectionText: 'Tel.: 030 / 123 45 67',
      pageUrl: byName('zendesk/ticket').url,
    };
    const call = () =>
      worker.evaluate(
        (i) => (globalThis as unknown as ContextMenuHub).ctiHub.callSelection(i),
        info,
      );
    expect(await dialled(call)).toBe('+49301234567');
    const calls = (await hub.send('phone.snapshot', null)).calls;
    expect(calls.at(-1)?.record).toMatchObject({ crm: 'zendesk', type: 'ticket', id: '48213' });
  });
});

interface ContextMenuHub {
  ctiHub: { callSelection(info: object): Promise<void> };
}

describe('a click that cannot be placed', () => {
  afterAll(async () => {
    await rules({ password: ACCOUNTS.agent ?? '' });
    await hub.until((s) => s.registration.state === 'registered');
  });

  it('says why in a notification, since the control only turns red', async () => {
    await rules({ password: 'not-the-password' });
    await hub.until((s) => s.registration.failure === 'credentials-rejected');
    await open(byName('salesforce/record'));
    const before = gateway.dialled().length;
    await control(page, '+12125550142').click();

    const notes = () =>
      hub.page.evaluate(() => chrome.notifications.getAll()) as Promise<Record<string, boolean>>;
    await expect.poll(notes).toHaveProperty('dial-failed', true);
    const button = control(page, '+12125550142');
    const label = await button.getAttribute('aria-label');
    await expect.poll(() => button.getAttribute('data-cti-state')).toBe('failed');
    expect(await button.getAttribute('title')).toMatch(/login/);
    expect(gateway.dialled().length).toBe(before);
    // Then the control is a call button again, named as before.
    await expect.poll(() => button.getAttribute('data-cti-state'), { timeout: 6000 }).toBeNull();
    expect(await button.getAttribute('title')).toBe(label);
  });
});

describe('dial rules from the settings', () => {
  afterAll(async () => {
    await rules({ dialFormat: 'international', outsideLinePrefix: '', internationalPrefix: '+' });
  });

  it('national form with an outside-line prefix, for a number in the default country', async () => {
    await rules({ dialFormat: 'national', outsideLinePrefix: '0', internationalPrefix: '00' });
    await open(byName('zendesk/ticket'));
    expect(await dialled(() => control(page, '+491701234567').click())).toBe('001701234567');
  });

  it('international form with the digits prefix, for a number abroad', async () => {
    await open(byName('salesforce/record'));
    expect(await dialled(() => control(page, '+12125550142').click())).toBe('00012125550142');
  });
});
