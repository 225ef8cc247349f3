/**
 * The extension's own pages, built and loaded into Chromium against the real hub and engine:
 * each renders without console errors, every string resolves from the catalogue, the UI
 * follows the browser language, and the popup shows the engine's real state. Two launches:
 * English with the microphone granted and an account on the test Kamailio, German
 * (`--lang=de`) without microphone grant or account, where the missing grant must show as
 * such and not as a silent failure (field case C13).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension, type LaunchedExtension } from '../support/browser.ts';
import { hubClient } from '../support/hub-client.ts';
import { ACCOUNTS } from '../support/kamailio.ts';

const RAW_KEY =
  /\b(?:ui|dial|call|transfer|reg|media|phone|announce|dock|caller|options|onboarding)[A-Z]\w+/;

interface Opened {
  page: Page;
  errors: string[];
}

async function open(browser: LaunchedExtension, name: string, ready: string): Promise<Opened> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`chrome-extension://${browser.extensionId}/extension/${name}/index.html`);
  await page.waitForSelector(ready);
  return { page, errors };
}

async function text(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

describe('extension pages in English', () => {
  let browser: LaunchedExtension;
  beforeAll(async () => {
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser.close();
  });

  it.each([
    ['popup', '.phone'],
    ['dock', '.dock, .dock-handle'],
    ['options', 'main.options h1'],
  ])('renders the %s page', async (name, ready) => {
    const { page, errors } = await open(browser, name, ready);
    await page.waitForTimeout(300); // let the first hub round trip settle
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await text(page)).not.toMatch(RAW_KEY);
    expect(errors).toEqual([]);
  });

  it('shows the registration the engine reports: ready once the account is saved', async () => {
    const { page, errors } = await open(browser, 'popup', '.phone');
    const status = page.getByRole('region', { name: 'Phone status' });
    await status.getByText('No phone account set up yet').waitFor();
    expect(await status.getByRole('button', { name: 'Set up phone account' }).count()).toBe(1);

    const hub = hubClient(page);
    const account = { sipUri: 'sip:u39@sip.test', password: ACCOUNTS.u39 ?? '' };
    await hub.send('settings.save', { patch: { sipServer: inject('sip').wsUrl, ...account } });
    await status.getByText('Ready for calls').waitFor();
    expect(await text(page)).not.toMatch(/not responding/);
    expect(errors).toEqual([]);
  });

  it('refuses a call at once, saying why, once the phone system refused the login', async () => {
    const { page, errors } = await open(browser, 'popup', '.phone');
    const hub = hubClient(page);
    await hub.send('settings.save', { patch: { password: 'not-the-password' } });
    await page
      .getByText('The phone system rejected the user name or password', { exact: false })
      .waitFor();

    await page.getByLabel('Number or SIP address').fill('+49 30 1234567');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText('The phone system refused the login, so no call can be made.', { exact: false })
      .waitFor();
    expect((await hub.send('phone.snapshot', null)).calls).toEqual([]);
    expect(await page.getByLabel('Number or SIP address').inputValue()).toBe('+49 30 1234567');
    expect(errors).toEqual([]);
  });

  it('shows the options page title and heading', async () => {
    const { page } = await open(browser, 'options', 'main.options h1');
    expect(await page.title()).toBe('Settings – CTI Softphone');
    expect(await page.textContent('h1')).toBe('CTI Softphone settings');
  });

  it('onboarding sees the stored microphone grant and says the tab can close', async () => {
    const { page, errors } = await open(browser, 'onboarding', 'main.onboarding');
    await page.getByText('The microphone is allowed. You can close this tab.').waitFor();
    expect(await page.textContent('h1')).toBe('Allow the microphone');
    expect(errors).toEqual([]);
  });
});

describe('extension pages in German (--lang=de)', () => {
  let browser: LaunchedExtension;
  beforeAll(async () => {
    browser = await launchExtension({ microphone: 'none', extraArgs: ['--lang=de'] });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('labels the options page in German, with substitutions filled in', async () => {
    const { page, errors } = await open(browser, 'options', 'main.options h1');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await page.textContent('h1')).toBe('CTI Softphone – Einstellungen');

    const labels = await page.evaluate(() =>
      ['optionsCountryLabel', 'optionsPrefixLabel', 'optionsDetectLabel'].map((key) =>
        chrome.i18n.getMessage(key),
      ),
    );
    expect(labels).toEqual([
      'Standardland',
      'Amtsholung',
      'Rufnummernerkennung: Rufnummern auf CRM-Seiten anklickbar machen',
    ]);
    const missed = await page.evaluate(() => chrome.i18n.getMessage('phoneMissed', ['3']));
    expect(missed).toBe('Verpasste Anrufe: 3');
    expect(errors).toEqual([]);
  });

  it('shows the popup in German: no account, and the microphone not yet allowed', async () => {
    const { page, errors } = await open(browser, 'popup', '.phone');
    await page.getByText('Noch kein Telefonkonto eingerichtet').waitFor();
    expect(await page.getByRole('button', { name: 'Telefonkonto einrichten' }).count()).toBe(1);
    await page.getByText('Das Mikrofon ist noch nicht erlaubt', { exact: false }).waitFor();
    expect(await page.getByText('blockiert', { exact: false }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Mikrofon erlauben' }).count()).toBe(1);
    const shown = await text(page);
    expect(shown).not.toMatch(RAW_KEY);
    expect(shown).not.toMatch(/antwortet nicht/);
    expect(errors).toEqual([]);
  });

  it('shows the missing grant: onboarding tab, badge, and a dial refused with why', async () => {
    const hub = hubClient((await open(browser, 'popup', '.phone')).page);
    expect((await hub.send('phone.snapshot', null)).media).toBe('not-yet-allowed');
    await expect
      .poll(() => browser.context.pages().some((p) => p.url().includes('extension/onboarding/')))
      .toBe(true);
    expect(await hub.page.evaluate(() => chrome.action.getBadgeText({}))).toBe('!');

    const reply = await hub.reply('phone.dial', { target: '+49 30 1234567' });
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/Mikrofon/) as string });
  });

  it('onboarding explains how to unblock a refused microphone, in German', async () => {
    const { page, errors } = await open(browser, 'onboarding', 'main.onboarding');
    await page.getByRole('button', { name: 'Mikrofon erlauben' }).click();
    await page
      .getByText('Das Mikrofon ist für diese Erweiterung blockiert.', { exact: false })
      .waitFor();
    expect(await text(page)).toContain('chrome://settings/content/microphone');
    expect(await text(page)).toContain(`chrome-extension://${browser.extensionId}`);
    expect(errors).toEqual([]);
  });
});
