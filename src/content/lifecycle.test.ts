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

it('keeps the hub config through a later failure, and a slow failure never undoes an answer', async () => {
  let listener: (changes: Record<string, unknown>) => void = () => {};
  vi.stubGlobal('chrome', {
    runtime: { id: 'x', getURL: () => 'chrome-extension://x/', sendMessage },
    storage: {
      onChanged: { addListener: (l: typeof listener) => (listener = l), removeListener: vi.fn() },
    },
  });
  let failSlowly: (e: Error) => void = () => {};
  sendMessage.mockReturnValueOnce(new Promise((_, reject) => (failSlowly = reject)));
  sendMessage.mockResolvedValueOnce({ ok: true, value: HUB });
  sendMessage.mockRejectedValue(new Error('Could not establish connection'));
  const configs: PageConfig[] = [];
  const start = (config: PageConfig) => void configs.push(config);
  runContentScript({ kind: 'crm', crm: 'salesforce', fallback: FALLBACK, start }, document);

  listener({ settings: {} }); // a settings change asks again while the first is pending
  await vi.advanceTimersByTimeAsync(0);
  failSlowly(new Error('Could not establish connection'));
  await vi.advanceTimersByTimeAsync(0);
  expect(configs).toEqual([HUB]);

  listener({ settings: {} }); // the hub fails now: the page keeps what it has
  await vi.advanceTimersByTimeAsync(60_000);
  expect(configs).toEqual([HUB]);
});

it('asks no more once the script is gone', async () => {
  sendMessage.mockRejectedValue(new Error('Could not establish connection'));
  const asks = (crm: string | null) =>
    sendMessage.mock.calls.filter(([m]) => (m as { payload: { crm: unknown } }).payload.crm === crm)
      .length;
  runContentScript({ kind: 'links', crm: null, fallback: FALLBACK, start: () => {} }, document);
  await vi.advanceTimersByTimeAsync(0);
  expect(asks(null)).toBe(1);
  // The CRM's own script takes the frame over: the call-link script stops.
  runContentScript({ kind: 'crm', crm: 'zendesk', fallback: FALLBACK, start: () => {} }, document);
  await vi.advanceTimersByTimeAsync(60_000);
  expect(asks(null)).toBe(1);
  expect(asks('zendesk')).toBe(4);
});
