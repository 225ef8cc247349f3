import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  LOCAL_PENDING,
  parseRetryAfter,
  reinviteWithRetry,
  retryDelayMs,
  type ReinviteResult,
} from './reinvite-retry.ts';

const owner = { ownsCallId: true, maxAttempts: 4, random: () => 0.5 };
const guest = { ...owner, ownsCallId: false };

describe('retryDelayMs', () => {
  it('waits 2.1-4 s after a 491 when we own the Call-ID, 0-2 s otherwise (RFC 3261 14.1)', () => {
    const glare = { code: 491, reason: 'Request Pending' };
    expect(retryDelayMs(glare, { ...owner, random: () => 0 })).toBe(2100);
    expect(retryDelayMs(glare, { ...owner, random: () => 0.9999 })).toBe(4000);
    expect(retryDelayMs(glare, { ...guest, random: () => 0 })).toBe(0);
    expect(retryDelayMs(glare, { ...guest, random: () => 0.9999 })).toBe(2000);
  });

  it('honours Retry-After on a 500, up to 10 s', () => {
    expect(retryDelayMs({ code: 500, reason: '', retryAfter: 3 }, owner)).toBe(3000);
    expect(retryDelayMs({ code: 500, reason: '', retryAfter: 120 }, owner)).toBe(10_000);
  });

  it('treats everything else as final', () => {
    for (const code of [200, 408, 481, 488, 500, 503]) {
      expect(retryDelayMs({ code, reason: '' }, owner)).toBeUndefined();
    }
  });

  it('retries soon when another INVITE transaction is still running locally', () => {
    const delay = retryDelayMs({ code: LOCAL_PENDING, reason: '' }, owner);
    expect(delay).toBeGreaterThanOrEqual(100);
    expect(delay).toBeLessThan(300);
  });
});

describe('reinviteWithRetry', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const sleeper = () => (ms: number) => new Promise<boolean>((r) => setTimeout(() => r(true), ms));

  it('retries a 491 after the glare delay and returns the 200 (fake timers)', async () => {
    vi.useFakeTimers();
    const results: ReinviteResult[] = [
      { code: 491, reason: 'Request Pending' },
      { code: 200, reason: 'OK' },
    ];
    const attempt = vi.fn(() => Promise.resolve(results.shift() ?? { code: 0, reason: '' }));
    const outcome = reinviteWithRetry(attempt, owner, sleeper());

    await vi.advanceTimersByTimeAsync(3000);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(await outcome).toEqual({ code: 200, reason: 'OK' });
  });

  it('retries a 500 after its Retry-After (fake timers)', async () => {
    vi.useFakeTimers();
    const results: ReinviteResult[] = [
      { code: 500, reason: 'Server Internal Error', retryAfter: 2 },
      { code: 200, reason: 'OK' },
    ];
    const attempt = vi.fn(() => Promise.resolve(results.shift() ?? { code: 0, reason: '' }));
    const outcome = reinviteWithRetry(attempt, owner, sleeper());
    await vi.advanceTimersByTimeAsync(1999);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await outcome).code).toBe(200);
  });

  it('gives up after the last attempt and returns the last refusal', async () => {
    const attempt = vi.fn(() => Promise.resolve({ code: 491, reason: 'Request Pending' }));
    const outcome = await reinviteWithRetry(attempt, { ...guest, random: () => 0 }, sleeper());
    expect(attempt).toHaveBeenCalledTimes(4);
    expect(outcome.code).toBe(491);
  });

  it('stops retrying when the call has gone meanwhile', async () => {
    const attempt = vi.fn(() => Promise.resolve({ code: 491, reason: '' }));
    await reinviteWithRetry(attempt, guest, () => Promise.resolve(false));
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('does not retry a final refusal', async () => {
    const attempt = vi.fn(() => Promise.resolve({ code: 408, reason: 'Request Timeout' }));
    expect((await reinviteWithRetry(attempt, owner, sleeper())).code).toBe(408);
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and ignores comments and parameters', () => {
    expect(parseRetryAfter('5')).toBe(5);
    expect(parseRetryAfter('18000;duration=3600')).toBe(18000);
    expect(parseRetryAfter(' 3 (busy)')).toBe(3);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
