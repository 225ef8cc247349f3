/**
 * Calls through the built extension with real WebRTC audio: the engine in the offscreen
 * document against the test Kamailio, and a far end that is a web page running sip.js in the
 * same browser. Audio counts as flowing when inbound RTP bytes grow on both sides and the
 * received signal is louder than silence (an AnalyserNode, since `audioLevel` stays 0 while
 * headless Chromium plays the element muted).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PhoneSnapshot } from '../../src/protocol/phone-state.ts';
import { launchExtension, type LaunchedExtension } from '../support/browser.ts';
import { openFarEnd, type FarEnd } from '../support/far-end.ts';
import {
  hubClient,
  pressNotificationButton,
  runCommand,
  type HubClient,
} from '../support/hub-client.ts';
import { ACCOUNTS } from '../support/kamailio.ts';
import { probeOffscreen, type OffscreenProbe } from '../support/offscreen-cdp.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { writeToneWav } from '../support/tone.ts';

const SOUND = 0.005;
const SILENCE = 0.002;
/** Bytes a talking side receives in 800 ms is several kB; comfort noise is a few hundred. */
const FLOWING = 1500;
const QUIET = 600;

let browser: LaunchedExtension;
let server: StaticServer;
let hub: HubClient;
let far: FarEnd;
let probe: OffscreenProbe;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function growth(read: () => Promise<number>, ms = 800): Promise<number> {
  const before = await read();
  await sleep(ms);
  return (await read()) - before;
}

const engineReceived = async () => (await probe.rtp()).received;
const farReceived = async () => (await far.stats())?.received ?? 0;

async function expectAudioBothWays(): Promise<void> {
  await expect.poll(() => growth(engineReceived)).toBeGreaterThan(FLOWING);
  await expect.poll(() => growth(farReceived)).toBeGreaterThan(FLOWING);
  await expect.poll(() => probe.energy()).toBeGreaterThan(SOUND);
  await expect.poll(() => far.energy()).toBeGreaterThan(SOUND);
}

const live = (s: PhoneSnapshot) => s.calls.filter((c) => c.state !== 'ended');
const idle = () => hub.until((s) => live(s).length === 0);
const callIn = (state: string) => (s: PhoneSnapshot) => live(s).some((c) => c.state === state);
const onlyCall = async () => {
  const [call] = live(await hub.send('phone.snapshot', null));
  if (!call) throw new Error('no call');
  return call;
};

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchExtension({ fakeAudioFile: writeToneWav() });
  far = await openFarEnd(browser.context, server.origin, inject('sip').wsUrl, 'far');
  probe = await probeOffscreen(browser.context);
});
afterAll(async () => {
  await probe?.detach();
  await browser?.close();
  await server?.close();
});

it('registers with the account entered and tested in the options page', async () => {
  const options = await browser.openPage('extension/options/index.html');
  await options.getByLabel('Server URL (WebSocket)').fill(inject('sip').wsUrl);
  await options.getByLabel('SIP address').fill('sip:agent@sip.test');
  await options.getByLabel('Password', { exact: true }).fill(ACCOUNTS.agent ?? '');
  await options.getByRole('button', { name: 'Test account' }).click();
  await options.getByText(/^Registered in \d+ ms\. The account works\.$/).waitFor();
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText('Settings saved.').waitFor();
  hub = hubClient(options);

  const popup = await browser.openPage('extension/popup/index.html');
  await popup.getByRole('region', { name: 'Phone status' }).getByText('Ready for calls').waitFor();
  expect((await hub.send('phone.snapshot', null)).media).toBe('ok');
  await popup.close();
});

it('tests an account: right credentials register, a wrong password is named', async () => {
  const good = { sipUri: 'sip:u5@sip.test', password: ACCOUNTS.u5 ?? '' };
  expect(await hub.send('account.test', { patch: good })).toMatchObject({ registered: true });
  expect(await hub.send('account.test', { patch: { ...good, password: 'wrong' } })).toEqual({
    registered: false,
    failure: 'credentials-rejected',
    detail: expect.stringMatching(/403/) as string,
  });
  expect((await hub.send('settings.get', null)).values.sipUri).toBe('sip:agent@sip.test');
});

describe('a call out', () => {
  it('rings the far end and carries audio both ways once answered', async () => {
    await far.forget();
    const { callId } = await hub.send('phone.dial', { target: 'sip:far@sip.test' });
    await expect.poll(() => far.events()).toContain('received');
    await far.answer();
    await hub.until(callIn('active'));
    expect((await onlyCall()).id).toBe(callId);
    await expectAudioBothWays();
  });

  it('stops sending audio while muted, and sends again when unmuted', async () => {
    const { id } = await onlyCall();
    await hub.send('call.mute', { callId: id, muted: true });
    await expect.poll(() => far.energy()).toBeLessThan(SILENCE);
    expect(await growth(farReceived)).toBeLessThan(QUIET);
    expect(await probe.energy()).toBeGreaterThan(SOUND);

    await hub.send('call.mute', { callId: id, muted: false });
    await expect.poll(() => far.energy()).toBeGreaterThan(SOUND);
  });

  it('stops audio both ways on hold, and resume brings it back', async () => {
    const { id } = await onlyCall();
    await hub.send('call.hold', { callId: id, held: true });
    try {
      await hub.until((s) => live(s)[0]?.held === true);
      await expect.poll(() => probe.energy()).toBeLessThan(SILENCE);
      expect(await growth(engineReceived)).toBeLessThan(QUIET);
      // The agent's microphone must not reach the caller either while held.
      await expect.poll(() => far.energy()).toBeLessThan(SILENCE);
    } finally {
      await hub.send('call.hold', { callId: id, held: false });
    }

    await hub.until((s) => live(s)[0]?.held === false);
    await expectAudioBothWays();
  });

  it('hangs up from the extension, ending it at the far end', async () => {
    const { id } = await onlyCall();
    await hub.send('call.hangup', { callId: id });
    await expect.poll(() => far.events()).toContain('hangup');
    await idle();
  });
});

describe('a call in', () => {
  it('rings with a notification; its Answer button answers, with audio both ways', async () => {
    await far.forget();
    await far.call('sip:agent@sip.test');
    const { id } = await hub.until(callIn('incoming')).then(onlyCall);
    await expect
      .poll(() => hub.page.evaluate(() => chrome.notifications.getAll()))
      .toHaveProperty(`call:${id}`);
    await expect.poll(() => probe.playing()).toEqual(['ring.wav']);

    await pressNotificationButton(await browser.serviceWorker(), `call:${id}`, 0);
    await hub.until(callIn('active'));
    await expectAudioBothWays();
    expect(await hub.page.evaluate(() => chrome.notifications.getAll())).toEqual({});
    expect(await probe.playing()).toEqual([]);
  });

  it('plays the soft waiting tone, not the ring, for a second call', async () => {
    const caller = await openFarEnd(browser.context, server.origin, inject('sip').wsUrl, 'caller');
    await caller.call('sip:agent@sip.test');
    await hub.until((s) => live(s).length === 2);
    await expect.poll(() => probe.playing()).toEqual(['call-waiting.wav']);

    await caller.hangup();
    await hub.until((s) => live(s).length === 1);
    await expect.poll(() => probe.playing()).toEqual([]);
    await caller.page.close();
  });

  it('goes on while the service worker is stopped, and a reopened popup shows it', async () => {
    const { answeredAt = Date.now() } = await onlyCall();
    await browser.stopServiceWorker();
    await expect.poll(() => growth(engineReceived)).toBeGreaterThan(FLOWING);

    const popup = await browser.openPage('extension/popup/index.html');
    // The call the agent hung up a moment ago may still be listed, as ended.
    const row = popup.locator('li:not(.call-ended)[aria-label="Call with far"]');
    await row.waitFor();
    const timer = async () => {
      const shown = /Connected · (\d\d):(\d\d)/.exec(await row.innerText());
      return shown ? Number(shown[1]) * 60 + Number(shown[2]) : -1;
    };
    // The timer counts from the answer, not from when the popup opened.
    const talked = Math.floor((Date.now() - answeredAt) / 1000);
    await expect.poll(timer, { timeout: 5000 }).toBeGreaterThanOrEqual(Math.max(talked, 1));

    await row.getByRole('button', { name: 'Hold', exact: true }).click();
    await row.getByText(/^On hold · \d\d:\d\d$/).waitFor();
    await row.getByRole('button', { name: 'Resume', exact: true }).click();
    await row.getByText(/^Connected · \d\d:\d\d$/).waitFor();
    await expect.poll(() => growth(engineReceived)).toBeGreaterThan(FLOWING);
    await popup.close();
  });

  it('hangs up from the far end', async () => {
    await far.hangup();
    await idle();
  });

  it('answers, mutes and hangs up by keyboard shortcut', async () => {
    const worker = await browser.serviceWorker();
    const command = (name: string) => runCommand(worker, name);

    await far.forget();
    await far.call('sip:agent@sip.test');
    const { id } = await hub.until(callIn('incoming')).then(onlyCall);
    expect(await command('answer-call')).toBe(id);
    await hub.until(callIn('active'));

    expect(await command('toggle-mute')).toBe(id);
    await hub.until((s) => live(s)[0]?.muted === true);
    await expect.poll(() => far.energy()).toBeLessThan(SILENCE);

    expect(await command('hangup-call')).toBe(id);
    await expect.poll(() => far.events()).toContain('hangup');
    await idle();
  });

  it('declines from the notification; a call the caller gave up counts as missed', async () => {
    await hub.send('history.clearMissed', null);
    await far.forget();
    await far.call('sip:agent@sip.test');
    const { id } = await hub.until(callIn('incoming')).then(onlyCall);
    await pressNotificationButton(await browser.serviceWorker(), `call:${id}`, 1);
    await expect.poll(() => far.events()).toContain('hangup');
    await idle();
    expect(await hub.send('history.missed', null)).toEqual({ count: 0 });

    await far.forget();
    await far.call('sip:agent@sip.test');
    await hub.until(callIn('incoming'));
    await far.hangup();
    await idle();
    await expect.poll(() => hub.send('history.missed', null)).toEqual({ count: 1 });
    expect(await hub.page.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
    expect(await hub.page.evaluate(() => chrome.action.getTitle({}))).toBe(
      'CTI Softphone: 1 missed call',
    );

    // Opening the popup is looking at the missed calls: it shows them and clears the badge.
    const popup = await browser.openPage('extension/popup/index.html');
    await popup.getByText('Missed calls: 1').waitFor();
    await expect.poll(() => hub.send('history.missed', null)).toEqual({ count: 0 });
    expect(await hub.page.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    await popup.close();
  });
});
