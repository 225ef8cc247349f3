/**
 * Phone timings in the real browser against a local Kamailio: dial command (sent by an
 * extension page, as the popup does) to the INVITE leaving the engine's WebSocket, with the
 * service worker running and stopped; and an INVITE arriving at the engine to the ringing
 * call reaching an open view. Times are `performance.timeOrigin + now()`, comparable across
 * the extension's documents, which share one process.
 */
import { PAGES } from '../../src/core/pages.ts';
import { launchExtension, type LaunchedExtension } from '../../tests/support/browser.ts';
import { openFarEnd } from '../../tests/support/far-end.ts';
import { hubClient, type HubClient } from '../../tests/support/hub-client.ts';
import { ACCOUNTS, startKamailio } from '../../tests/support/kamailio.ts';
import { probeOffscreen, type OffscreenProbe } from '../../tests/support/offscreen-cdp.ts';
import { startStaticServer } from '../../tests/support/static-server.ts';
import type { Measure, Suite } from './measure.ts';

const RUNS = 7;

// In the offscreen document: note when an INVITE request leaves, and when one arrives.
const HOOK_SENT = `(() => {
  globalThis.benchSent = [];
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (typeof data === 'string' && data.startsWith('INVITE ')) {
      benchSent.push(performance.timeOrigin + performance.now());
    }
    return send.call(this, data);
  };
})()`;
const HOOK_RECEIVED = `function () {
  globalThis.benchReceived = [];
  for (const ws of this) ws.addEventListener('message', (ev) => {
    if (typeof ev.data === 'string' && ev.data.startsWith('INVITE ')) {
      benchReceived.push(performance.timeOrigin + ev.timeStamp);
    }
  });
}`;
// In the view: note when the pushed state first shows a call ringing in.
const HOOK_VIEW = () => {
  const w = window as unknown as { benchShown: number[] };
  w.benchShown = [];
  let ringing = false;
  chrome.runtime.onMessage.addListener((m: { name?: string; payload?: { snapshot?: unknown } }) => {
    if (m.name !== 'phone.changed') return;
    const snapshot = m.payload?.snapshot as { calls: { state: string }[] };
    const now = snapshot.calls.some((c) => c.state === 'incoming');
    if (now && !ringing) w.benchShown.push(performance.timeOrigin + performance.now());
    ringing = now;
  });
};

const idle = (hub: HubClient) =>
  hub.until((s) => s.calls.every((c) => c.state === 'ended'), 15_000);

async function take(probe: OffscreenProbe, list: string): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const value = await probe.evaluate<number | null>(`${list}.shift() ?? null`);
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`nothing in ${list}`);
}

async function dialToInvite(
  browser: LaunchedExtension,
  hub: HubClient,
  probe: OffscreenProbe,
  stopWorker: boolean,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await idle(hub);
    if (stopWorker) await browser.stopServiceWorker();
    // Each dial sends two INVITEs (the second answers the 407 challenge): keep the first.
    await probe.evaluate('benchSent.length = 0');
    // An unknown user: Kamailio answers 404 and the call ends by itself.
    const sentAt = await hub.page.evaluate((target) => {
      const t = performance.timeOrigin + performance.now();
      void chrome.runtime.sendMessage({ to: 'hub', name: 'phone.dial', payload: { target } });
      return t;
    }, 'sip:nobody@sip.test');
    samples.push((await take(probe, 'benchSent')) - sentAt);
  }
  await idle(hub);
  return samples;
}

export const phoneSuite: Suite = {
  name: 'phone',
  async run(): Promise<Measure[]> {
    const kamailio = await startKamailio();
    const server = await startStaticServer();
    const browser = await launchExtension();
    try {
      const hub = hubClient(await browser.openPage(PAGES.popup));
      await hub.send('settings.save', {
        patch: {
          sipServer: kamailio.wsUrl,
          sipUri: 'sip:agent@sip.test',
          password: ACCOUNTS.agent ?? '',
        },
      });
      await hub.until((s) => s.registration.state === 'registered');
      const probe = await probeOffscreen(browser.context);
      await probe.evaluate(HOOK_SENT);
      await probe.onInstances('WebSocket', HOOK_RECEIVED);
      await hub.page.evaluate(HOOK_VIEW);

      const warm = await dialToInvite(browser, hub, probe, false);
      const cold = await dialToInvite(browser, hub, probe, true);

      const far = await openFarEnd(browser.context, server.origin, kamailio.wsUrl, 'far');
      const ring: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await probe.evaluate('benchReceived.length = 0');
        await far.call('sip:agent@sip.test');
        const received = await take(probe, 'benchReceived');
        await hub.until((s) => s.calls.some((c) => c.state === 'incoming'));
        const shown = await hub.page.evaluate(() => {
          return (window as unknown as { benchShown: number[] }).benchShown.shift() ?? NaN;
        });
        ring.push(shown - received);
        await far.hangup();
        await idle(hub);
      }
      await probe.detach();

      return [
        { name: 'dial → INVITE sent (worker running)', samples: warm, unit: 'ms', goal: 30 },
        { name: 'dial → INVITE sent (worker stopped)', samples: cold, unit: 'ms', goal: 150 },
        { name: 'INVITE received → ring shown in view', samples: ring, unit: 'ms', goal: 50 },
      ];
    } finally {
      await browser.close();
      await server.close();
      await kamailio.stop();
    }
  },
};
