/**
 * Capped exponential backoff with jitter for reconnecting (field case C01): 0.5 s, 1 s, 2 s …
 * up to 30 s, each spread by ±20 % so that many agents behind one PBX do not reconnect in
 * lock-step after an outage.
 */
export interface BackoffOptions {
  firstMs: number;
  capMs: number;
  /** Fraction of the delay that is randomised either way. */
  jitter: number;
}

export const RECONNECT_BACKOFF: BackoffOptions = { firstMs: 500, capMs: 30_000, jitter: 0.2 };

/** Delay before attempt `attempt` (0-based); `random` is injectable for tests. */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = RECONNECT_BACKOFF,
  random: () => number = Math.random,
): number {
  const base = Math.min(options.capMs, options.firstMs * 2 ** Math.max(0, attempt));
  const spread = base * options.jitter * (random() * 2 - 1);
  return Math.round(Math.min(options.capMs, Math.max(0, base + spread)));
}
