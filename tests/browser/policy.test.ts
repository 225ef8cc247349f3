/**
 * Admin policy through a real Chromium policy file. The file is machine-wide, so it exists
 * only while this file's browser runs, and is removed even when a test fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { computeEffective } from '../../src/settings/effective.ts';
import { launchExtension, type LaunchedExtension } from '../support/browser.ts';
import {
  createPolicyFile,
  policyFileUnavailable,
  type PolicyFile,
} from '../support/policy-file.ts';

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

const readManaged = (worker: Worker) =>
  worker.evaluate(() => chrome.storage.managed.get<Record<string, unknown>>(null));

describe.skipIf(unavailable)('admin policy from a Chromium policy file', () => {
  let policyFile: PolicyFile;
  let browser: LaunchedExtension | undefined;
  let worker: Worker;

  beforeAll(async () => {
    policyFile = createPolicyFile();
    policyFile.write({
      sipServer: 'wss://pbx.example.com/ws',
      sipDomain: 'sip.test',
      defaultCountry: 'Deutschland',
      detectNumbers: 'yes',
      notInSchema: 1,
      screenPop: 'ring',
      unlockedSettings: ['screenPop'],
    });
    browser = await launchExtension({ microphone: 'none' });
    worker = await browser.serviceWorker();
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      policyFile.remove();
    }
  });

  it('reaches the extension filtered by the schema, and the rest is checked by us', async () => {
    const raw = await until(
      () => readManaged(worker),
      (value) => 'sipServer' in value,
    );
    // Chrome drops the wrong type and the unknown key; the bad country is ours to report.
    expect(raw).toEqual({
      sipServer: 'wss://pbx.example.com/ws',
      sipDomain: 'sip.test',
      defaultCountry: 'Deutschland',
      screenPop: 'ring',
      unlockedSettings: ['screenPop'],
    });

    const effective = computeEffective(raw, { sipUri: '1001', screenPop: 'never' }, () => '');
    expect(effective.locked).toEqual(['sipServer']);
    expect(effective.settings).toMatchObject({
      sipServer: 'wss://pbx.example.com/ws',
      sipUri: 'sip:1001@sip.test',
      screenPop: 'never',
      defaultCountry: 'DE',
    });
    expect(effective.ignored).toEqual([
      { key: 'defaultCountry', reason: 'unknownCountry', value: 'Deutschland' },
    ]);
  });

  it('applies a live edit of the policy file without a restart', async () => {
    await worker.evaluate(() => {
      const seen: string[] = [];
      Object.assign(self, { policyChanges: seen });
      chrome.storage.onChanged.addListener((changes, area) => {
        if (area === 'managed') seen.push(...Object.keys(changes));
      });
    });
    policyFile.write({ sipServer: 'wss://pbx2.example.com/ws', sipDomain: 'sip.test' });

    const raw = await until(
      () => readManaged(worker),
      (value) => value.sipServer === 'wss://pbx2.example.com/ws',
    );
    expect(raw).toEqual({ sipServer: 'wss://pbx2.example.com/ws', sipDomain: 'sip.test' });
    const changed = await worker.evaluate(
      () => (self as unknown as { policyChanges: string[] }).policyChanges,
    );
    expect(changed).toEqual(expect.arrayContaining(['sipServer', 'screenPop']));
  });
});
