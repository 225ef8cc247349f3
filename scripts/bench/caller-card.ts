/**
 * Caller lookup timing in the real browser: an INVITE from an outside number arriving at the
 * engine's WebSocket, to the hub's caller card with the CRM's data reaching an open view,
 * with the Salesforce contract stub answering every request in 100 ms. A lookup is two
 * requests one after the other (SOSL search, then the open cases), so the CRM's share is
 * 200 ms and the goal 150 ms + 200 ms. Each run calls from a number not asked before, so the
 * lookup cache never answers.
 * TODO(#4): measure to the card rendered in the dock of the CRM tab once the content scripts
 * host the dock; until then the end point is the `caller.card` push reaching a view.
 */
import { PAGES } from '../../src/core/pages.ts';
import { launchExtension } from '../../tests/support/browser.ts';
import { createCrmStub, SF_SESSION_ID, type CrmStub } from '../../tests/support/crm-stub/index.ts';
import { hubClient } from '../../tests/support/hub-client.ts';
import { startHttpsServer } from '../../tests/support/https-server.ts';
import { ACCOUNTS, startKamailio } from '../../tests/support/kamailio.ts';
import { probeOffscreen, type OffscreenProbe } from '../../tests/support/offscreen-cdp.ts';
import { callFrom } from '../../tests/support/sipp-caller.ts';
import type { Measure, Suite } from './measure.ts';

const RUNS = 7;
const CRM_MS = 100;
const ROUND_TRIPS = 2;

const HOOK_RECEIVED = `function () {
  globalThis.benchReceived = [];
  for (const ws of this) ws.addEventListener('message', (ev) => {
    if (typeof ev.data === 'string' && ev.data.startsWith('INVITE ')) {
      benchReceived.push(performance.timeOrigin + ev.timeStamp);
    }
  });
}`;

// In the view: when a card with Salesforce matches first arrives, per call.
const HOOK_VIEW = () => {
  const w = window as unknown as { benchCards: Record<string, number> };
  w.benchCards = {};
  chrome.runtime.onMessage.addListener((m: { name?: string; payload?: { card?: unknown } }) => {
    if (m.name !== 'caller.card') return;
    const card = m.payload?.card as { callId: string; crms: { salesforce?: { status: string } } };
    if (card.crms.salesforce?.status === 'found') {
      w.benchCards[card.callId] ??= performance.timeOrigin + performance.now();
    }
  });
};

/** A contact per run with a number of its own, cloned from a seeded one. */
function addContact(stub: CrmStub, run: number): string {
  const contacts = stub.salesforce.records.Contact ?? [];
  const model = contacts.find((c) => c.Name === 'Dana Fischer');
  const id = `003${String(900 + run).padStart(12, '0')}AAA`;
  const phone = `+49 89 2000 ${1300 + run}`;
  contacts.push({ ...model, Id: id, Name: `Bench Caller ${run}`, Phone: phone, MobilePhone: null });
  return phone.replace(/ /g, '');
}

async function take(probe: OffscreenProbe): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const value = await probe.evaluate<number | null>('benchReceived.shift() ?? null');
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('no INVITE seen');
}

export const callerCardSuite: Suite = {
  name: 'caller-card',
  async run(): Promise<Measure[]> {
    const kamailio = await startKamailio();
    const server = await startHttpsServer();
    const stub = createCrmStub();
    server.use(stub.handler);
    server.use(
      (_req, res) => (
        res.writeHead(200, { 'content-type': 'text/html' }).end('<title>crm</title>'),
        true
      ),
    );
    const browser = await launchExtension({ httpsPort: server.port });
    try {
      await browser.context.addCookies([
        {
          name: 'sid',
          value: SF_SESSION_ID,
          domain: 'acme.my.salesforce.com',
          path: '/',
          secure: true,
        },
      ]);
      const hub = hubClient(await browser.openPage(PAGES.popup));
      await hub.send('settings.save', {
        patch: {
          sipServer: kamailio.wsUrl,
          sipUri: 'sip:agent@sip.test',
          password: ACCOUNTS.agent ?? '',
          crmEnabled: { salesforce: true, hubspot: false, zendesk: false },
        },
      });
      await hub.until((s) => s.registration.state === 'registered');
      const tab = await browser.context.newPage();
      await tab.goto('https://acme.lightning.force.com/lightning/page/home');
      const probe = await probeOffscreen(browser.context);
      await probe.onInstances('WebSocket', HOOK_RECEIVED);
      await hub.page.evaluate(HOOK_VIEW);
      stub.control.latencyMs.salesforce = CRM_MS;

      const samples: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const number = addContact(stub, run);
        const caller = await callFrom({
          sipPort: kamailio.sipPort,
          domain: kamailio.domain,
          to: 'agent',
          number,
          ringMs: 5000,
        });
        const received = await take(probe);
        const ringing = await hub.until((s) =>
          s.calls.some((c) => c.state === 'incoming' && c.remoteNumber === number),
        );
        const callId = ringing.calls.find((c) => c.remoteNumber === number)?.id ?? '';
        let shown = NaN;
        for (let i = 0; i < 200 && Number.isNaN(shown); i++) {
          shown = await hub.page.evaluate(
            (id) =>
              (window as unknown as { benchCards: Record<string, number> }).benchCards[id] ?? NaN,
            callId,
          );
          if (Number.isNaN(shown)) await new Promise((r) => setTimeout(r, 20));
        }
        samples.push(shown - received);
        if (process.env.BENCH_DEBUG) {
          const asked = stub.control.requestsTo('salesforce').slice(-2);
          const rel = (t: number | undefined) => Math.round((t ?? NaN) - received);
          console.error(
            `run ${run}: total ${Math.round(shown - received)} ms; ` +
              `search asked at ${rel(asked[0]?.at)}, answered ${rel(asked[0]?.answeredAt)}; ` +
              `cases asked ${rel(asked[1]?.at)}, answered ${rel(asked[1]?.answeredAt)}`,
          );
        }
        await hub.send('call.decline', { callId });
        await caller.exited;
      }
      await probe.detach();

      const name = `INVITE received → caller card (Salesforce, ${ROUND_TRIPS} × ${CRM_MS} ms)`;
      return [{ name, samples, unit: 'ms', goal: 150 + ROUND_TRIPS * CRM_MS }];
    } finally {
      await browser.close();
      await server.close();
      await kamailio.stop();
    }
  },
};
