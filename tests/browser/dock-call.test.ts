/**
 * The dock's promises across tabs: every CRM tab shows the one registration the engine holds,
 * and a call started from a control in a CRM tab goes on while that tab navigates away and
 * after it closes, because the call lives in the engine's offscreen document, not in the tab.
 * The far end is a browser page running sip.js, registered under the number the control
 * dials, so it answers with real WebRTC audio. The dock keeping its place across a reload is
 * tested in click-to-call.test.ts.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { registerAgent } from '../support/agent.ts';
import { launchExtension, type LaunchedExtension } from '../support/browser.ts';
import { fixtureNamed, loadFixtures, serveFixtures } from '../support/crm-fixtures.ts';
import { openFarEnd, type FarEnd } from '../support/far-end.ts';
import { startHttpsServer, type HttpsServer } from '../support/https-server.ts';
import type { HubClient } from '../support/hub-client.ts';
import { control, openFixture } from '../support/page-controls.ts';
import { addAccount, registeredContacts } from '../support/sip-rpc.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

/** A number salesforce/record shows; the far end registers as it. */
const NUMBER = '+12125550142';
const PASSWORD = 'number-secret';

const fixtures = loadFixtures();
let server: HttpsServer;
let statics: StaticServer;
let browser: LaunchedExtension;
let hub: HubClient;
let far: FarEnd;

beforeAll(async () => {
  server = await startHttpsServer();
  serveFixtures(server, fixtures);
  statics = await startStaticServer();
  await addAccount(NUMBER, PASSWORD);
  browser = await launchExtension({ httpsPort: server.port });
  hub = await registerAgent(browser);
  const { wsUrl } = inject('sip');
  far = await openFarEnd(browser.context, statics.origin, wsUrl, NUMBER, {
    password: PASSWORD,
    source: 'tone',
    autoAnswerMs: 200,
  });
});

afterAll(async () => {
  await browser?.close();
  await statics?.close();
  await server?.close();
});

async function crmTab(name: string): Promise<Page> {
  const tab = await browser.context.newPage();
  await tab.setViewportSize({ width: 1280, height: 1000 });
  await openFixture(tab, fixtureNamed(fixtures, name));
  return tab;
}

async function dockOf(tab: Page): Promise<Frame> {
  const find = () => tab.frames().find((f) => f.url().endsWith('/extension/dock/index.html'));
  await expect.poll(() => find() !== undefined).toBe(true);
  const frame = find();
  if (!frame) throw new Error('no dock');
  return frame;
}

/** The far end still has the call: it has not hung up and its received audio keeps growing. */
async function farStillInCall(): Promise<void> {
  const received = async () => (await far.stats())?.received ?? 0;
  const before = await received();
  await expect.poll(received).toBeGreaterThan(before + 1000);
  expect(await far.events()).not.toContain('hangup');
  const [call] = (await hub.send('phone.snapshot', null)).calls;
  expect(call?.state).toBe('active');
}

it('shows the one registration in every CRM tab', async () => {
  const tabs = [
    await crmTab('salesforce/list'),
    await crmTab('hubspot/record'),
    await crmTab('zendesk/ticket'),
  ];
  for (const tab of tabs) {
    const status = (await dockOf(tab)).getByRole('region', { name: 'Phone status' });
    await status.getByText('Ready for calls').waitFor();
  }
  expect(await registeredContacts('agent')).toHaveLength(1);
  for (const tab of tabs) await tab.close();
  expect(await registeredContacts('agent')).toHaveLength(1);
});

it('keeps a call from a CRM tab up while the tab navigates away and after it closes', async () => {
  const tab = await crmTab('salesforce/record');
  await far.forget();
  await control(tab, NUMBER).click();
  await hub.until((s) => s.calls.some((c) => c.state === 'active'));
  expect(await far.events()).toContain('answered');
  await farStillInCall();

  await tab.goto('https://pbx.example.test/__plain/salesforce/record');
  await farStillInCall();
  await tab.close();
  await farStillInCall();

  const popup = await browser.openPage('extension/popup/index.html');
  const row = popup.getByRole('listitem', { name: /^Call with / });
  await row.getByText(/^Connected · \d\d:\d\d$/).waitFor();
  await row.getByRole('button', { name: 'Hang up', exact: true }).click();
  await expect.poll(() => far.events()).toContain('hangup');
  await hub.until((s) => s.calls.every((c) => c.state === 'ended'));
});
