import { describe, expect, it } from 'vitest';
import { backoffDelay, RECONNECT_BACKOFF } from './backoff.ts';

describe('backoffDelay', () => {
  const middle = () => 0.5;

  it('doubles from 0.5 s and stops at 30 s', () => {
    const delays = Array.from({ length: 10 }, (_, i) => backoffDelay(i, RECONNECT_BACKOFF, middle));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
  });

  it('spreads each delay by the jitter either way, never above the cap', () => {
    expect(backoffDelay(0, RECONNECT_BACKOFF, () => 0)).toBe(400);
    expect(backoffDelay(0, RECONNECT_BACKOFF, () => 1)).toBe(600);
    expect(backoffDelay(20, RECONNECT_BACKOFF, () => 1)).toBe(30000);
    expect(backoffDelay(20, RECONNECT_BACKOFF, () => 0)).toBe(24000);
  });
});
