/**
 * The hub and the engine's document in the real browser: one offscreen document however many
 * requests race to create it, commands answered by the engine only once it is ready, state
 * still answered after the service worker is stopped, and settings that never show the
 * password back.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXTENSION_ID, launchExtension, type LaunchedExtension } from '../support/browser.ts';
import { hubClient, type HubClient } from '../support/hub-client.ts';

let browser: LaunchedExtension;
let hub: HubClient;

const offscreenDocuments = () =>
  hub.page.evaluate(async () => {
    const found = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
    return found.map((c) => c.documentId);
  });

beforeAll(async () => {
  browser = await launchExtension();
  hub = hubClient(await browser.openPage('extension/options/index.html'));
});
afterAll(async () => {
  await browser.close();
});

it('loads the built extension with the stable development id', async () => {
  expect(browser.extensionId).toBe(EXTENSION_ID);
  const worker = await browser.serviceWorker();
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest().manifest_version);
  expect(manifest).toBe(3);
});

it('creates the engine document once and answers through it', async () => {
  const snapshot = await hub.send('phone.snapshot', null);
  expect(snapshot.registration.state).toBe('unregistered');
  expect(snapshot.media).toBe('ok');
  expect(await offscreenDocuments()).toHaveLength(1);
});

it('re-creates a closed document once, with every racing command answered', async () => {
  const worker = await browser.serviceWorker();
  await worker.evaluate(() => chrome.offscreen.closeDocument());
  expect(await offscreenDocuments()).toHaveLength(0);

  const answers = await Promise.all(
    Array.from({ length: 8 }, () => hub.send('phone.snapshot', null)),
  );

  expect(answers.every((s) => s.registration.state === 'unregistered')).toBe(true);
  expect(await offscreenDocuments()).toHaveLength(1);
});

it('answers from the same engine after the service worker was stopped', async () => {
  const [before] = await offscreenDocuments();
  await browser.stopServiceWorker();

  const snapshot = await hub.send('phone.snapshot', null);

  expect(snapshot.media).toBe('ok');
  expect(await offscreenDocuments()).toEqual([before]);
});

it('stores settings, never shows a secret, and refuses a bad value whole', async () => {
  const patch = {
    sipServer: 'ws://127.0.0.1:5066',
    sipUri: 'sip:alice@sip.test',
    password: 's3cret',
  };
  const saved = await hub.send('settings.save', { patch });
  expect(saved.values.sipUri).toBe('sip:alice@sip.test');
  expect(saved.secrets).toEqual({ password: true, hubspotToken: false });

  const view = await hub.send('settings.get', null);
  expect(view).toEqual(saved);
  expect(JSON.stringify(view)).not.toContain('s3cret');

  const refused = await hub.reply('settings.save', {
    patch: { displayName: 'Alice', sipServer: 'http://pbx' },
  });
  expect(refused).toEqual({ ok: false, error: expect.stringMatching(/WebSocket/) as string });
  const after = await hub.send('settings.get', null);
  expect(after.values).toMatchObject({ sipServer: 'ws://127.0.0.1:5066', displayName: '' });
});

it('refuses malformed commands before they reach the engine', async () => {
  const bad = await hub.reply('phone.dial', { target: '<img src=x onerror=alert(1)>' });
  expect(bad).toEqual({ ok: false, error: 'not a phone number or SIP address' });

  // Only the hub may configure the engine, and views may not ask the hub to do it for them.
  const direct = await hub.reply('engine.configure', { config: {} });
  expect(direct).toEqual({ ok: false, error: 'engine.configure is not handled by hub' });
});

it('opened no microphone onboarding while the microphone is granted', async () => {
  const tabs = await hub.page.evaluate(() => chrome.tabs.query({}));
  expect(tabs.map((t) => t.url).filter((u) => u?.includes('onboarding'))).toEqual([]);
});
