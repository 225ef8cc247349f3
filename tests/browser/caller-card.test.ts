/**
 * Incoming calls looked up in the CRMs, in the real browser (tests/support/caller-scene.ts):
 * an outside caller rings, each CRM the agent has open is asked through its real API path
 * (the worker with the Salesforce session cookie and the HubSpot token, the Zendesk tab with
 * its page session) answered by the contract stub, and the dock of the CRM tab shows the card
 * while the call still rings. Errors show their kind, several matches a picker, an unknown
 * number the unknown card; screen-pop follows the setting; markup stays text (C28).
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject, it } from 'vitest';
import { NUMBERS } from '../support/crm-stub/index.ts';
import { openFarEnd } from '../support/far-end.ts';
import { openScene, TABS, type Scene } from '../support/caller-scene.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

let scene: Scene;
let farEndServer: StaticServer;
const dialogs: string[] = [];

beforeAll(async () => {
  scene = await openScene();
  farEndServer = await startStaticServer();
  for (const tab of Object.values(scene.tabs)) tab.on('dialog', (d) => dialogs.push(d.message()));
});
afterAll(async () => {
  await scene?.close();
  await farEndServer?.close();
});
beforeEach(async () => {
  scene.stub.reset();
  await scene.saveSettings({ screenPop: 'never' });
});
afterEach(async () => {
  // A failed test must not leave its call ringing into the next one.
  const { calls } = await scene.hub.send('phone.snapshot', null);
  for (const call of calls.filter((c) => c.state === 'incoming')) await decline(call.id);
});

const stateOf = async (callId: string) =>
  (await scene.hub.send('phone.snapshot', null)).calls.find((c) => c.id === callId)?.state;
const decline = (callId: string) =>
  scene.hub.send('call.decline', { callId }).catch(() => undefined);

it('reports each CRM connection to the options page', async () => {
  // The Zendesk tab answers once its content script has started.
  await expect
    .poll(() => scene.hub.send('crm.status', null))
    .toEqual([
      { crm: 'salesforce', state: 'connected' },
      { crm: 'hubspot', state: 'connected' },
      { crm: 'zendesk', state: 'connected' },
    ]);
});

it('shows the card from every CRM in the dock of the tab used last, while it rings', async () => {
  // Every dock folded: only the one in the tab used last unfolds for the call.
  for (const tab of Object.values(scene.tabs)) {
    await tab.bringToFront();
    await (await scene.dockOf(tab)).getByRole('button', { name: 'Collapse softphone' }).click();
  }
  await scene.tabs.zendesk.bringToFront();
  const before = Object.fromEntries(Object.entries(scene.tabs).map(([crm, t]) => [crm, t.url()]));
  const callId = await scene.ring(NUMBERS.dana);
  const card = await scene.settledCard(callId);

  expect(card.crms.salesforce?.matches[0]).toMatchObject({
    name: 'Dana Fischer',
    company: 'Isar Logistik AG',
  });
  expect(card.crms.hubspot?.matches[0]?.url).toContain('/record/0-1/');
  expect(card.crms.zendesk?.matches[0]).toMatchObject({
    name: 'Dana Fischer',
    url: 'https://acme.zendesk.com/agent/users/1005',
  });

  const dock = await scene.dockOf(scene.tabs.zendesk);
  for (const crm of ['Salesforce', 'HubSpot', 'Zendesk']) {
    await expect.poll(() => dock.getByRole('region', { name: `Caller in ${crm}` }).count()).toBe(1);
  }
  const salesforce = dock.getByRole('region', { name: 'Caller in Salesforce' });
  await expect.poll(() => salesforce.getByText('Dana Fischer').count()).toBe(1);
  expect(await salesforce.getByText('Zugang zum Portal').count()).toBe(1);
  const caseLink = salesforce.getByRole('link', { name: 'Zugang zum Portal' });
  expect(await caseLink.getAttribute('href')).toMatch(/\/lightning\/r\/Case\/\w+\/view$/);
  expect(await stateOf(callId)).toBe('incoming');
  // Screen-pop `never`: a clear single match in every CRM, and no tab went anywhere.
  for (const [crm, url] of Object.entries(before)) {
    expect(scene.tabs[crm as keyof typeof TABS].url()).toBe(url);
  }
  expect(card.dockTabId).toBeDefined();
  // The Zendesk tab that relayed the lookup is kept loaded (memory saver).
  const worker = await scene.browser.serviceWorker();
  const relays = await worker.evaluate(async () =>
    (await chrome.tabs.query({ url: 'https://acme.zendesk.com/*' })).map((t) => t.autoDiscardable),
  );
  expect(relays).toEqual([false]);
  for (const other of [scene.tabs.salesforce, scene.tabs.hubspot]) {
    const folded = await scene.dockOf(other);
    expect(await folded.getByRole('button', { name: /^Open softphone/ }).count()).toBe(1);
    expect(await folded.getByRole('button', { name: 'Answer' }).count()).toBe(0);
  }
  await decline(callId);
  // Unfolded again, as the other tests expect (the folded state is kept for new docks).
  for (const other of [scene.tabs.salesforce, scene.tabs.hubspot]) {
    await other.bringToFront();
    await (await scene.dockOf(other)).getByRole('button', { name: /^Open softphone/ }).click();
  }
});

it('names the caller in the desktop notification once a CRM knows them', async () => {
  const seen = await scene.recordNotifications();
  const callId = await scene.ring(NUMBERS.dana, 'Dana');
  await expect.poll(seen).toContain('update true Dana Fischer (Isar Logistik AG)\n+498920001234');
  expect((await seen())[0]).toBe('create Dana (+498920001234)');
  await decline(callId);
});

it('says in the dock why a CRM could not be asked, and the call still rings', async () => {
  scene.stub.control.fault('salesforce', { status: 401 });
  scene.stub.control.fault('hubspot', { status: 429, retryAfterSec: 30 });
  scene.stub.control.fault('zendesk', { status: 403 });
  const callId = await scene.ring(NUMBERS.lead);
  const card = await scene.settledCard(callId);

  expect([card.crms.salesforce?.errorKind, card.crms.hubspot?.errorKind]).toEqual([
    'signin',
    'ratelimited',
  ]);
  const dock = await scene.dockOf(scene.tabs.salesforce);
  await expect
    .poll(() => dock.getByText('Sign in to Salesforce to see who is calling.').count())
    .toBe(1);
  expect(await dock.getByText(/^HubSpot received too many requests/).count()).toBe(1);
  expect(
    await dock.getByText('Your Zendesk user is not allowed to look up contacts.').count(),
  ).toBe(1);
  expect(await stateOf(callId)).toBe('incoming');
  expect(await dock.getByRole('button', { name: 'Answer' }).count()).toBeGreaterThan(0);
  await decline(callId);
});

it('rings at once with a slow CRM: the card says it is looking, then fills in', async () => {
  const contacts = scene.stub.salesforce.records.Contact ?? [];
  const model = contacts.find((c) => c.Name === 'Dana Fischer');
  contacts.push({ ...model, Id: '003000000000999AAA', Name: 'Sina Später', Phone: '+4989200099' });
  scene.stub.control.fault('salesforce', { delayMs: 2000, pathIncludes: '/search' });
  const callId = await scene.ring('+4989200099');
  const dock = await scene.dockOf(scene.tabs.salesforce);
  const salesforce = dock.getByRole('region', { name: 'Caller in Salesforce' });

  await expect
    .poll(() => salesforce.getByText('Looking up the caller in Salesforce…').count())
    .toBe(1);
  expect(await stateOf(callId)).toBe('incoming');
  await expect.poll(() => salesforce.getByText('Sina Später').count(), { timeout: 5000 }).toBe(1);
  await decline(callId);
});

it('shows an unknown caller with a link to create the contact', async () => {
  const callId = await scene.ring(NUMBERS.unknown);
  await scene.settledCard(callId);
  const dock = await scene.dockOf(scene.tabs.salesforce);
  const salesforce = dock.getByRole('region', { name: 'Caller in Salesforce' });
  await expect.poll(() => salesforce.getByText('Unknown caller').count()).toBe(1);
  const create = salesforce.getByRole('link', { name: 'Create contact in Salesforce' });
  expect(await create.getAttribute('href')).toBe(
    'https://acme.lightning.force.com/lightning/o/Contact/new' +
      '?defaultFieldValues=Phone=%2B493055500000',
  );
  await decline(callId);
});

it('renders a display name and CRM fields with markup as text (C28), pops on ring', async () => {
  await scene.saveSettings({ screenPop: 'ring' });
  const display = '<img src=x onerror=alert(document.domain)>';
  const callId = await scene.ring(NUMBERS.markup, display);
  const card = await scene.settledCard(callId);

  await expect
    .poll(() => scene.tabs.salesforce.url())
    .toMatch(/\/lightning\/r\/Contact\/003\w+\/view$/);
  await expect.poll(() => scene.tabs.hubspot.url()).toMatch(/\/contacts\/4711\/record\/0-1\/\d+$/);
  // The Zendesk tab pops too: its dock is the one on the record page, once it has loaded.
  await expect.poll(() => scene.tabs.zendesk.url()).toBe(card.crms.zendesk?.matches[0]?.url);
  await scene.tabs.zendesk.waitForLoadState();
  const dock = await scene.dockOf(scene.tabs.zendesk);
  await expect
    .poll(() => dock.getByText('Acme <b>Bold</b> "Quote" & Co').count())
    .toBeGreaterThan(0);
  expect(await dock.getByText(display).count()).toBeGreaterThan(0);
  expect(await dock.locator('b, img, script:not([src])').count()).toBe(0);
  expect(dialogs).toEqual([]);
  await decline(callId);
});

it('lists several matches to pick from (C25), and pops the one picked in the dock', async () => {
  await scene.saveSettings({ screenPop: 'ring' });
  await scene.tabs.salesforce.goto(TABS.salesforce);
  const callId = await scene.ring(NUMBERS.switchboard);
  const card = await scene.settledCard(callId);
  const names = card.crms.salesforce?.matches.map((m) => m.name) ?? [];
  expect(names).toEqual(
    expect.arrayContaining(['Anna Albrecht', 'Bernd Becker', 'Clara Schmidt', 'Muster GmbH']),
  );
  expect(names).not.toContain('Our Office');

  const dock = await scene.dockOf(scene.tabs.salesforce);
  const salesforce = dock.getByRole('region', { name: 'Caller in Salesforce' });
  await expect.poll(() => salesforce.getByText('4 matches: pick the right one').count()).toBe(1);
  expect(scene.tabs.salesforce.url()).toBe(TABS.salesforce);

  const radio = salesforce.getByRole('radio', { name: /Bernd Becker/ });
  await expect.poll(() => radio.isEnabled()).toBe(true);
  await scene.drawn(scene.tabs.salesforce);
  await radio.click();
  const bernd = card.crms.salesforce?.matches.find((m) => m.name === 'Bernd Becker');
  await expect.poll(() => scene.tabs.salesforce.url()).toBe(bernd?.url);
  expect((await scene.hub.send('caller.get', { callId }))?.picked?.id).toBe(bernd?.ref.id);
  await decline(callId);
});

it('opens the record in the Service Console as a workspace tab, without a reload', async () => {
  await scene.saveSettings({ screenPop: 'ring' });
  const console = scene.tabs.salesforce;
  await console.goto(TABS.salesforce);
  await scene.dockOf(console);
  await console.evaluate(() => Object.assign(window, { loadedOnce: 'still here' }));
  const callId = await scene.ring(NUMBERS.dana);
  const card = await scene.settledCard(callId);
  const url = card.crms.salesforce?.matches[0]?.url ?? '';

  await expect.poll(() => console.url()).toBe(url);
  expect(await console.evaluate(() => (window as { loadedOnce?: string }).loadedOnce)).toBe(
    'still here',
  );
  const active = console.locator('.oneConsoleTabItem.slds-is-active');
  expect(await active.getAttribute('data-path')).toBe(new URL(url).pathname);
  expect(await console.locator('.oneConsoleTabItem').count()).toBe(3);
  await decline(callId);
});

it('asks no CRM again for a caller ringing back after the service worker stopped', async () => {
  const contacts = scene.stub.salesforce.records.Contact ?? [];
  const model = contacts.find((c) => c.Name === 'Dana Fischer');
  contacts.push({ ...model, Id: '003000000000888AAA', Name: 'Rita Rückruf', Phone: '+4989200088' });
  const searches = () => scene.stub.control.requestsTo('salesforce', 'GET', '/search').length;

  const first = await scene.ring('+4989200088');
  await scene.settledCard(first);
  await decline(first);
  expect(searches()).toBe(1);
  await scene.browser.stopServiceWorker();

  const again = await scene.ring('+4989200088');
  const card = await scene.settledCard(again);
  expect(card.crms.salesforce?.matches[0]?.name).toBe('Rita Rückruf');
  expect(searches()).toBe(1);
  await decline(again);
});

it('looks a dialled number up by its E.164 form and picks the record dialled from', async () => {
  await scene.saveSettings({ outsideLinePrefix: '0', dialFormat: 'national' });
  const dana = scene.stub.salesforce.records.Contact?.find((c) => c.Name === 'Dana Fischer');
  const id = dana?.Id ?? '';
  // As the content script sends it: with the page it was dialled from, in our org.
  const url = `${new URL(TABS.salesforce).origin}/lightning/r/Contact/${id}/view`;
  const record = { crm: 'salesforce' as const, type: 'Contact', id, url };
  try {
    // The PBX gets `0089…` (outside line, then national); nobody answers it on the test server.
    const { callId } = await scene.hub.send('phone.dial', { target: NUMBERS.dana, record });
    const card = await scene.settledCard(callId);
    expect(card).toMatchObject({ number: NUMBERS.dana, direction: 'outbound' });
    expect(card.crms.salesforce?.matches[0]?.name).toBe('Dana Fischer');
    expect(card.picked).toMatchObject(record);
    await scene.hub.send('call.hangup', { callId }).catch(() => undefined); // ended already
  } finally {
    await scene.saveSettings({ outsideLinePrefix: '', dialFormat: 'international' });
  }
});

it('pops on answer with that setting, and logs the ended call once in each CRM', async () => {
  await scene.saveSettings({ screenPop: 'answer' });
  await scene.tabs.salesforce.goto(TABS.salesforce);
  const far = await openFarEnd(
    scene.browser.context,
    farEndServer.origin,
    inject('sip').wsUrl,
    'far',
  );
  await far.call('sip:alice@sip.test', {
    uri: `sip:${NUMBERS.dana}@pbx.example.test`,
    name: 'Dana',
  });
  const ringing = await scene.hub.until((s) => s.calls.some((c) => c.state === 'incoming'));
  const callId = ringing.calls.find((c) => c.state === 'incoming')?.id ?? '';
  const card = await scene.settledCard(callId);
  expect(scene.tabs.salesforce.url()).toBe(TABS.salesforce);

  await scene.hub.send('call.answer', { callId });
  await scene.hub.until((s) => s.calls.some((c) => c.id === callId && c.state === 'active'));
  await expect.poll(() => scene.tabs.salesforce.url()).toBe(card.crms.salesforce?.matches[0]?.url);
  await far.hangup();
  await far.page.close();

  const tasks = () => scene.stub.salesforce.tasks.filter((t) => t.CallObject === callId);
  await expect.poll(() => tasks().length).toBe(1);
  expect(tasks()[0]).toMatchObject({
    TaskSubtype: 'Call',
    CallType: 'Inbound',
    CallDisposition: 'answered',
  });
  const hubspot = () =>
    scene.stub.hubspot.objects.calls.filter((c) => c.properties.hs_call_external_id === callId);
  await expect.poll(() => hubspot().length).toBe(1);
  const zendesk = () =>
    scene.stub.zendesk.tickets.filter((t) => t.external_id === `cti-call:${callId}`);
  await expect.poll(() => zendesk().length).toBe(1);
});
