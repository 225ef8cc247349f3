// @vitest-environment jsdom
/**
 * A content script's config when the hub cannot answer at first (the worker starting up):
 * the fallback runs meanwhile, the hub is asked again, and its answer replaces the fallback.
 * `chrome` here is a minimal stand-in for the runtime and storage APIs' shape.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { PageConfig } from '../protocol/messages.ts';
import { runContentScript } from './lifecycle.ts';

const sendMessage = vi.fn<(message: unknown) => Promise<unknown>>();

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('chrome', {
    runtime: { id: 'x', getURL: () => 'chrome-extension://x/', sendMessage },
    storage: { onChanged: { addListener: vi.fn(), removeListener: vi.fn() } },
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  sendMessage.mockReset();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('cti-softphone.content')];
});

const HUB: PageConfig = {
  enabled: true,
  detectNumbers: true,
  defaultCountry: 'AT',
  ignoreLabels: [],
  dock: true,
};
const FALLBACK: PageConfig = { ...HUB, defaultCountry: 'DE', dock: false };

it('starts with the fallback (no dock) while the hub is silent, then takes its answer', async () => {
  sendMessage.mockRejectedValueOnce(new Error('Could not establish connection'));
  sendMessage.mockResolvedValue({ ok: true, value: HUB });
  const configs: PageConfig[] = [];
  const start = (config: PageConfig) => void configs.push(config);
  runContentScript({ kind: 'crm', crm: 'salesforce', fallback: FALLBACK, start }, document);

  await vi.advanceTimersByTimeAsync(0);
  expect(configs).toEqual([FALLBACK]);
  await vi.advanceTimersByTimeAsync(2000);
  expect(configs).toEqual([FALLBACK, HUB]);
  expect(sendMessage).toHaveBeenCalledTimes(2);
});

it('stops asking after a few tries, keeping the fallback', async () => {
  sendMessage.mockRejectedValue(new Error('Could not establish connection'));
  const configs: PageConfig[] = [];
  const start = (config: PageConfig) => void configs.push(config);
  runContentScript({ kind: 'crm', crm: 'salesforce', fallback: FALLBACK, start }, document);

  await vi.advanceTimersByTimeAsync(60_000);
  expect(configs).toEqual([FALLBACK]);
  expect(sendMessage).toHaveBeenCalledTimes(4);
});
