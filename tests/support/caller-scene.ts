/**
 * The scene for caller-lookup browser tests: the built extension registered as alice on the
 * test Kamailio; the CRM contract stub and the CRM fixture pages on the local HTTPS server
 * under the real host names (any other page there is a blank page, e.g. a screen-pop target);
 * the agent's CRM sessions (Salesforce `sid` on the API host, Zendesk's session cookie,
 * HubSpot's token setting); one agent tab per CRM; outside callers from SIPp.
 */
import { expect, inject } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { CallerCard } from '../../src/protocol/caller-card.ts';
import type { Settings } from '../../src/settings/settings.ts';
import { launchExtension, type LaunchedExtension } from './browser.ts';
import { loadFixtures, serveFixtures } from './crm-fixtures.ts';
import {
  createCrmStub,
  HS_TOKEN,
  SF_SESSION_ID,
  ZD_SESSION,
  type CrmStub,
} from './crm-stub/index.ts';
import { hubClient, type HubClient } from './hub-client.ts';
import { startHttpsServer, type HttpsServer } from './https-server.ts';
import { callFrom, type SippCall } from './sipp-caller.ts';

/** Fixture pages the agent works in: the Service Console, a HubSpot list, Zendesk views. */
export const TABS = {
  salesforce: 'https://acme.lightning.force.com/lightning/r/Case/5005g00000Cs1026AA/view',
  hubspot: 'https://app-eu1.hubspot.com/contacts/12345678/objects/0-1/views/all/list',
  zendesk: 'https://acme.zendesk.com/agent/filters/360001',
};

const RECORD_NOTIFICATIONS = `(() => {
  const seen = (globalThis.seenNotifications = []);
  const api = chrome.notifications;
  const create = api.create.bind(api);
  const update = api.update.bind(api);
  api.create = (id, options) => {
    seen.push('create ' + options.message);
    return create(id, options);
  };
  api.update = (id, options) =>
    update(id, options).then((done) => {
      seen.push('update ' + done + ' ' + options.message);
      return done;
    });
})()`;

export interface Scene {
  server: HttpsServer;
  stub: CrmStub;
  browser: LaunchedExtension;
  hub: HubClient;
  tabs: Record<keyof typeof TABS, Page>;
  saveSettings(changes: Partial<Settings>): Promise<void>;
  /** Rings alice from `number`; resolves with the call id once it rings in the engine. */
  ring(number: string, display?: string): Promise<string>;
  /** The card once no CRM is still looking. */
  settledCard(callId: string): Promise<CallerCard>;
  /** The dock frame in a tab (inside a closed shadow root: reached as a frame). */
  dockOf(tab: Page): Promise<Frame>;
  /**
   * Waits for the tab to draw twice. The dock is an out-of-process frame: until the tab has
   * drawn a frame since the dock unfolded, Chromium still routes input at its place to the
   * tab (seen in headless runs: the click reached the dock's host element, not the frame).
   */
  drawn(tab: Page): Promise<void>;
  /**
   * From now on (until the worker restarts), records what the hub asks of
   * chrome.notifications, passing every call on; resolves with a reader of the record:
   * `create <message>` and `update <shown?> <message>`.
   */
  recordNotifications(): Promise<() => Promise<string[]>>;
  close(): Promise<void>;
}

export async function openScene(): Promise<Scene> {
  const server = await startHttpsServer();
  const stub = createCrmStub();
  server.use(stub.handler);
  serveFixtures(server, loadFixtures());
  server.use((_req, res, url) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<title>${url.hostname}</title>`);
    return true;
  });

  const browser = await launchExtension({ httpsPort: server.port });
  const cookie = { path: '/', secure: true, httpOnly: true };
  await browser.context.addCookies([
    { ...cookie, name: 'sid', value: SF_SESSION_ID, domain: 'acme.my.salesforce.com' },
    { ...cookie, name: '_zendesk_session', value: ZD_SESSION, domain: 'acme.zendesk.com' },
  ]);
  const hub = hubClient(await browser.openPage('extension/options/index.html'));
  const saveSettings = async (changes: Partial<Settings>) => {
    await hub.send('settings.save', { patch: changes });
  };
  const { wsUrl, domain, sipPort } = inject('sip');
  await saveSettings({
    sipServer: wsUrl,
    sipUri: `sip:alice@${domain}`,
    password: 'alice-secret',
    hubspotToken: HS_TOKEN,
    ownNumbers: ['+49309876543'],
  });
  await hub.until((s) => s.registration.state === 'registered');

  const open = async (url: string) => {
    const page = await browser.context.newPage();
    await page.goto(url);
    return page;
  };
  const tabs = {
    salesforce: await open(TABS.salesforce),
    hubspot: await open(TABS.hubspot),
    zendesk: await open(TABS.zendesk),
  };

  const callers: SippCall[] = [];
  return {
    server,
    stub,
    browser,
    hub,
    tabs,
    saveSettings,
    async ring(number, display) {
      callers.push(await callFrom({ sipPort, domain, to: 'alice', number, display, ringMs: 8000 }));
      const ringing = (c: { state: string; remoteNumber: string }) =>
        c.state === 'incoming' && c.remoteNumber === number;
      const snapshot = await hub.until((s) => s.calls.some(ringing));
      return snapshot.calls.find(ringing)?.id ?? '';
    },
    async settledCard(callId) {
      let card: CallerCard | null = null;
      await expect
        .poll(async () => {
          card = await hub.send('caller.get', { callId });
          return card && Object.values(card.crms).every((s) => s.status !== 'looking');
        })
        .toBe(true);
      if (!card) throw new Error('no card');
      return card;
    },
    async dockOf(tab) {
      const find = () => tab.frames().find((f) => f.url().includes('/extension/dock/'));
      await expect.poll(() => find() !== undefined).toBe(true);
      const frame = find();
      if (!frame) throw new Error('no dock');
      return frame;
    },
    async drawn(tab) {
      await tab.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
    },
    async recordNotifications() {
      const worker = await browser.serviceWorker();
      await worker.evaluate(RECORD_NOTIFICATIONS);
      return () => worker.evaluate('globalThis.seenNotifications');
    },
    async close() {
      for (const caller of callers) caller.stop();
      await browser.close();
      await server.close();
    },
  };
}
