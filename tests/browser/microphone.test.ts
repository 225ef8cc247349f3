/**
 * No microphone grant for the extension's origin (a fresh profile where nobody allowed it):
 * the engine reports it, the hub opens the onboarding tab and flags the badge, and a dial is
 * refused with the reason instead of failing silently (field case C13).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchExtension, type LaunchedExtension } from '../support/browser.ts';
import { hubClient, type HubClient } from '../support/hub-client.ts';

let browser: LaunchedExtension;
let hub: HubClient;

beforeAll(async () => {
  browser = await launchExtension({ microphone: 'none' });
  hub = hubClient(await browser.openPage('extension/popup/index.html'));
});
afterAll(async () => {
  await browser.close();
});

it('shows a blocked microphone as such and opens the onboarding tab', async () => {
  const snapshot = await hub.send('phone.snapshot', null);
  expect(snapshot.media).toBe('blocked');

  await expect
    .poll(() => browser.context.pages().some((p) => p.url().includes('extension/onboarding/')))
    .toBe(true);
  const badge = await hub.page.evaluate(() => chrome.action.getBadgeText({}));
  expect(badge).toBe('!');
});

it('refuses to dial without a microphone, saying why', async () => {
  const reply = await hub.reply('phone.dial', { target: '+49 30 1234567' });
  expect(reply).toEqual({ ok: false, error: expect.stringMatching(/microphone/i) as string });
});
