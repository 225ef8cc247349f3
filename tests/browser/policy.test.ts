/**
 * Admin policy through a real Chromium policy file, end to end: Chromium reads the file, the
 * extension locks what it sets and registers on Kamailio with it, the options page shows the
 * lock and what was ignored, and a live edit of the file moves the registration to a second
 * Kamailio. The file is machine-wide, so it exists only
 * while this file's browser runs, and is removed even when a test fails.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SettingsView } from '../../src/settings/store.ts';
import { launchExtension, type LaunchedExtension } from '../support/browser.ts';
import { hubClient, type HubClient } from '../support/hub-client.ts';
import { startKamailio, type Kamailio } from '../support/kamailio.ts';
import {
  createPolicyFile,
  policyFileUnavailable,
  type PolicyFile,
} from '../support/policy-file.ts';

const UNKNOWN_COUNTRY =
  '“Deutschland” is not a known country code. ' + 'Use two letters such as DE, AT, CH or GB.';

const unavailable = policyFileUnavailable();
if (unavailable) console.warn(`policy browser tests skipped: ${unavailable}`);

/** Chromium reads and watches the folder; a change arrives after about 5 s. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000) {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

/** Contacts the registrar holds for a user, over Kamailio's JSON-RPC. */
async function contacts(wsPort: number, user: string): Promise<string[]> {
  const res = await fetch(`http://127.0.0.1:${wsPort}/RPC`, {
    method: 'POST',
    body: JSON.stringify({
      jsonrpc: '2.0',
      method: 'ul.lookup',
      params: ['location', user],
      id: 1,
    }),
  });
  type Lookup = { result?: { Contacts: { Contact: { Address: string } }[] } };
  const body = (await res.json()) as Lookup;
  return body.result?.Contacts.map((c) => c.Contact.Address) ?? [];
}

describe.skipIf(unavailable)('admin policy from a Chromium policy file', () => {
  const sip = inject('sip');
  const user = 'u30';
  let policyFile: PolicyFile;
  let second: Kamailio;
  let browser: LaunchedExtension | undefined;
  let hub: HubClient;

  const view = () => hub.send('settings.get', null);
  const policyFor = (server: string) => ({
    sipServer: server,
    sipDomain: sip.domain,
    defaultCountry: 'Deutschland',
    detectNumbers: 'yes',
    screenPop: 'ring',
    unlockedSettings: ['screenPop'],
  });

  beforeAll(async () => {
    second = await startKamailio();
    policyFile = createPolicyFile();
    policyFile.write(policyFor(sip.wsUrl));
    browser = await launchExtension();
    hub = hubClient(await browser.openPage('extension/options/index.html'));
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      policyFile.remove();
      await second.stop();
    }
  });

  it('locks the server and registers the agent with it on Kamailio', async () => {
    const locked = await until(view, (v) => v.locked.includes('sipServer'));
    expect(locked.values.sipServer).toBe(sip.wsUrl);
    expect(locked.sipDomain).toEqual({ name: sip.domain, locked: true });

    // The agent enters only the extension and password; the domain comes from policy.
    const saved = await hub.send('settings.save', {
      patch: { sipUri: user, password: `${user}-secret` },
    });
    expect(saved.values.sipUri).toBe(`sip:${user}@${sip.domain}`);
    expect(saved.secrets.password).toBe(true);

    const registered = await until(
      () => contacts(sip.wsPort, `${user}@${sip.domain}`),
      (found) => found.length > 0,
    );
    expect(registered).toHaveLength(1);
    const phone = await hub.send('phone.snapshot', null);
    expect(phone.registration.state).toBe('registered');
  });

  it('reports a malformed value and ignores it, and Chrome drops a wrong type', async () => {
    const current: SettingsView = await view();
    expect(current.ignored).toEqual([
      {
        key: 'defaultCountry',
        reason: UNKNOWN_COUNTRY,
        value: 'Deutschland',
      },
    ]);
    expect(current.values.defaultCountry).toBe('DE');
    // `detectNumbers: "yes"` never reaches the extension: the schema says boolean.
    expect(current.locked).toEqual(['sipServer']);
    expect(current.values.detectNumbers).toBe(true);
  });

  it('refuses a change to a locked setting and accepts an unlocked one', async () => {
    const refused = await hub.reply('settings.save', { patch: { sipServer: second.wsUrl } });
    expect(refused).toEqual({
      ok: false,
      error: 'Set by your administrator; it cannot be changed here',
    });
    expect((await view()).values.sipServer).toBe(sip.wsUrl);

    const unlocked = await hub.send('settings.save', { patch: { screenPop: 'answer' } });
    expect(unlocked.values.screenPop).toBe('answer');
  });

  it('shows the server locked on the options page, and the ignored value', async () => {
    const page = await (browser as LaunchedExtension).openPage('extension/options/index.html');
    const server = page.locator('#opt-sipServer');
    await until(
      () => server.inputValue(),
      (value) => value === sip.wsUrl,
      5_000,
    );

    expect(await server.isDisabled()).toBe(true);
    expect(await page.locator('#opt-sipServer-locked').textContent()).toBe(
      'Set by your administrator',
    );
    expect(await page.locator('section.admin li').allTextContents()).toEqual([
      `defaultCountry: ${UNKNOWN_COUNTRY}`,
    ]);

    // The agent saves what is theirs; the locked server is not part of it and stays.
    await page.locator('#opt-displayName').fill('Agent 30');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = await until(view, (v) => v.values.displayName === 'Agent 30', 5_000);
    expect(saved.values.sipServer).toBe(sip.wsUrl);
    await page.close();
  });

  it('re-registers with the new server after a live edit of the policy file', async () => {
    policyFile.write(policyFor(second.wsUrl));

    const moved = await until(
      () => contacts(second.wsPort, `${user}@${sip.domain}`),
      (found) => found.length > 0,
    );
    expect(moved).toHaveLength(1);
    expect((await view()).values.sipServer).toBe(second.wsUrl);
    const phone = await hub.send('phone.snapshot', null);
    expect(phone.registration.state).toBe('registered');
  });
});
