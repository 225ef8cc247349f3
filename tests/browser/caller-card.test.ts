/**
 * Incoming calls looked up in the CRMs, in the real browser: the built extension registered on
 * the test Kamailio, an outside caller from SIPp, the CRM APIs answered by the contract stub
 * under their real host names (Salesforce on the org's `sid` cookie, HubSpot on the token
 * setting), CRM tabs at their real hosts. The card fills while the call still rings, errors
 * show as their kind, screen-pop follows the setting, C25's shared number waits for a pick.
 */
import { afterAll, beforeAll, beforeEach, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CallerCard } from '../../src/protocol/caller-card.ts';
import type { Settings } from '../../src/settings/settings.ts';
import { launchExtension, type LaunchedExtension } from '../support/browser.ts';
import {
  createCrmStub,
  HS_TOKEN,
  NUMBERS,
  SF_SESSION_ID,
  type CrmStub,
} from '../support/crm-stub/index.ts';
import { hubClient, type HubClient } from '../support/hub-client.ts';
import { startHttpsServer, type HttpsServer } from '../support/https-server.ts';
import { openFarEnd } from '../support/far-end.ts';
import { callFrom, type SippCall } from '../support/sipp-caller.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

const SF_HOME = 'https://acme.lightning.force.com/lightning/page/home';
const HS_HOME = 'https://app-eu1.hubspot.com/contacts/4711/objects/0-1/views/all/list';

let server: HttpsServer;
let farEndServer: StaticServer;
let stub: CrmStub;
let browser: LaunchedExtension;
let hub: HubClient;
let salesforceTab: Page;
let hubspotTab: Page;
const callers: SippCall[] = [];

beforeAll(async () => {
  server = await startHttpsServer();
  farEndServer = await startStaticServer();
  stub = createCrmStub();
  server.use(stub.handler);
  // A plain page at each CRM host, so the agent has tabs there (the CRM markup is #4's).
  server.use((_req, res, url) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<title>${url.hostname}</title>`);
    return true;
  });

  browser = await launchExtension({ httpsPort: server.port });
  await browser.context.addCookies([
    {
      name: 'sid',
      value: SF_SESSION_ID,
      domain: 'acme.my.salesforce.com',
      path: '/',
      secure: true,
      httpOnly: true,
    },
  ]);
  hub = hubClient(await browser.openPage('extension/options/index.html'));
  const { wsUrl, domain } = inject('sip');
  await saveSettings({
    sipServer: wsUrl,
    sipUri: `sip:alice@${domain}`,
    password: 'alice-secret',
    hubspotToken: HS_TOKEN,
    ownNumbers: ['+49309876543'],
  });
  await hub.until((s) => s.registration.state === 'registered');

  salesforceTab = await openTab(SF_HOME);
  hubspotTab = await openTab(HS_HOME);
});

afterAll(async () => {
  for (const caller of callers) caller.stop();
  await browser?.close();
  await server?.close();
  await farEndServer?.close();
});

beforeEach(async () => {
  stub.reset();
  await saveSettings({ screenPop: 'never' });
});

async function saveSettings(changes: Partial<Settings>): Promise<void> {
  await hub.send('settings.save', { patch: changes });
}

async function openTab(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

/** Rings alice from `number`; resolves with the call id once the engine shows it ringing. */
async function ring(number: string, display?: string): Promise<string> {
  const { sipPort, domain } = inject('sip');
  callers.push(await callFrom({ sipPort, domain, to: 'alice', number, display, ringMs: 8000 }));
  const ringing = (c: { state: string; remoteNumber: string }) =>
    c.state === 'incoming' && c.remoteNumber === number;
  const snapshot = await hub.until((s) => s.calls.some(ringing));
  return snapshot.calls.find(ringing)?.id ?? '';
}

async function settledCard(callId: string): Promise<CallerCard> {
  let card: CallerCard | null = null;
  await expect
    .poll(async () => {
      card = await hub.send('caller.get', { callId });
      return card && Object.values(card.crms).every((s) => s.status !== 'looking');
    })
    .toBe(true);
  if (!card) throw new Error('no card');
  return card;
}

const stillRinging = async (callId: string) =>
  (await hub.send('phone.snapshot', null)).calls.find((c) => c.id === callId)?.state;

async function endCall(callId: string): Promise<void> {
  await hub.send('call.decline', { callId }).catch(() => undefined);
}

it('fills the card from each CRM the agent has open while the call rings', async () => {
  const callId = await ring(NUMBERS.dana);
  const card = await settledCard(callId);

  expect(await stillRinging(callId)).toBe('incoming');
  expect(card.crms.salesforce).toMatchObject({
    status: 'found',
    matches: [{ name: 'Dana Fischer', company: 'Isar Logistik AG', owner: 'Max Mustermann' }],
  });
  expect(card.crms.salesforce?.matches[0]?.items.map((i) => i.label)).toEqual([
    'Zugang zum Portal',
    'Rahmenvertrag verlängern',
  ]);
  expect(card.crms.hubspot?.matches[0]).toMatchObject({
    name: 'Dana Fischer',
    url: expect.stringContaining('/record/0-1/') as string,
  });
  expect(card.crms.zendesk).toBeUndefined();
  await endCall(callId);
});

it('reports each CRM connection to the options page', async () => {
  expect(await hub.send('crm.status', null)).toEqual([
    { crm: 'salesforce', state: 'connected' },
    { crm: 'hubspot', state: 'connected' },
    { crm: 'zendesk', state: 'no-tab' },
  ]);
});

it('shows why a CRM could not be asked, and the call still rings', async () => {
  stub.control.fault('salesforce', { status: 401 });
  stub.control.fault('hubspot', { status: 429, retryAfterSec: 30 });
  const callId = await ring(NUMBERS.lead);
  const card = await settledCard(callId);

  expect(card.crms.salesforce).toMatchObject({ status: 'error', errorKind: 'signin' });
  expect(card.crms.hubspot).toMatchObject({ status: 'error', errorKind: 'ratelimited' });
  expect(await stillRinging(callId)).toBe('incoming');
  await endCall(callId);
});

it("screen-pops a single match on ring in each CRM's most recent tab", async () => {
  await saveSettings({ screenPop: 'ring' });
  await hubspotTab.bringToFront();
  const callId = await ring(NUMBERS.markup, '<img src=x onerror=alert(document.domain)>');
  const card = await settledCard(callId);

  expect(card.remoteName).toBe('<img src=x onerror=alert(document.domain)>');
  expect(card.crms.salesforce?.matches[0]?.name).toBe('Acme <b>Bold</b> "Quote" & Co');
  await expect.poll(() => salesforceTab.url()).toMatch(/\/lightning\/r\/Contact\/003\w+\/view$/);
  await expect.poll(() => hubspotTab.url()).toMatch(/\/contacts\/4711\/record\/0-1\/\d+$/);
  await endCall(callId);
});

it('waits for the pick among equal matches (C25), then pops the picked record', async () => {
  await saveSettings({ screenPop: 'ring' });
  await salesforceTab.goto(SF_HOME);
  const callId = await ring(NUMBERS.switchboard);
  const card = await settledCard(callId);

  const names = card.crms.salesforce?.matches.map((m) => m.name) ?? [];
  expect(names).toEqual(
    expect.arrayContaining(['Anna Albrecht', 'Bernd Becker', 'Clara Schmidt', 'Muster GmbH']),
  );
  expect(names).not.toContain('Our Office');
  expect(salesforceTab.url()).toBe(SF_HOME);

  const bernd = card.crms.salesforce?.matches.find((m) => m.name === 'Bernd Becker');
  if (!bernd) throw new Error('Bernd missing');
  await hub.send('caller.pick', { callId, ref: bernd.ref });
  await expect.poll(() => salesforceTab.url()).toBe(bernd.url);
  expect((await hub.send('caller.get', { callId }))?.picked?.id).toBe(bernd.ref.id);
  await endCall(callId);
});

it('screen-pops on answer with that setting, and logs the call once when it ends', async () => {
  await saveSettings({ screenPop: 'answer' });
  await salesforceTab.goto(SF_HOME);
  const far = await openFarEnd(browser.context, farEndServer.origin, inject('sip').wsUrl, 'far');
  await far.call('sip:alice@sip.test', {
    uri: `sip:${NUMBERS.dana}@pbx.example.test`,
    name: 'Dana',
  });
  const ringing = await hub.until((s) => s.calls.some((c) => c.state === 'incoming'));
  const callId = ringing.calls.find((c) => c.state === 'incoming')?.id ?? '';
  const card = await settledCard(callId);
  expect(card.crms.salesforce?.status).toBe('found');
  expect(salesforceTab.url()).toBe(SF_HOME);

  await hub.send('call.answer', { callId });
  await hub.until((s) => s.calls.some((c) => c.id === callId && c.state === 'active'));
  await expect.poll(() => salesforceTab.url()).toBe(card.crms.salesforce?.matches[0]?.url);
  await far.hangup();
  await far.page.close();

  // The ended call is logged once on the matched records, in each CRM.
  const tasks = () => stub.salesforce.tasks.filter((t) => t.CallObject === callId);
  await expect.poll(() => tasks().length).toBe(1);
  expect(tasks()[0]).toMatchObject({
    TaskSubtype: 'Call',
    CallType: 'Inbound',
    CallDisposition: 'answered',
    WhoId: card.crms.salesforce?.matches[0]?.ref.id,
  });
  const calls = () =>
    stub.hubspot.objects.calls.filter((c) => c.properties.hs_call_external_id === callId);
  await expect.poll(() => calls().length).toBe(1);
});
