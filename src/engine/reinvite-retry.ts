/**
 * Sending a re-INVITE until it gets a real answer (field case C04). Two refusals are only
 * "not now": 491 Request Pending, when both ends sent a re-INVITE at once, and 500 with
 * Retry-After, which sip.js itself answers while it is still processing the ACK of the
 * previous INVITE (RFC 5407 section 3.1.5). Both are retried after a delay; anything else is
 * the outcome.
 */

export interface ReinviteResult {
  code: number;
  reason: string;
  /** Seconds from a Retry-After header. */
  retryAfter?: number;
  /** The response body (SDP) of a 2xx. */
  body?: string;
}

/** The attempt could not even be sent: another INVITE transaction is still in progress. */
export const LOCAL_PENDING = 0;

export interface RetryPolicy {
  /** We sent the dialog's initial INVITE, so we own its Call-ID (RFC 3261 section 14.1). */
  ownsCallId: boolean;
  maxAttempts: number;
  random: () => number;
}

/** Longest Retry-After honoured; sip.js asks for 1 to 10 s. */
const MAX_RETRY_AFTER_S = 10;

/** How long to wait before the next attempt, or undefined when the result is final. */
export function retryDelayMs(result: ReinviteResult, policy: RetryPolicy): number | undefined {
  // RFC 3261 section 14.1: 2.1-4 s for the Call-ID owner, 0-2 s otherwise, in 10 ms units.
  const glare = () =>
    policy.ownsCallId
      ? 2100 + Math.floor(policy.random() * 191) * 10
      : Math.floor(policy.random() * 201) * 10;

  if (result.code === 491) return glare();
  if (result.code === LOCAL_PENDING) return 100 + Math.floor(policy.random() * 20) * 10;
  if (result.code === 500 && result.retryAfter !== undefined) {
    return Math.min(MAX_RETRY_AFTER_S, Math.max(0, result.retryAfter)) * 1000;
  }
  return undefined;
}

/**
 * Runs `attempt` until its result is final or the attempts are used up. `sleep` resolves
 * false when the call has gone meanwhile, which stops the retries.
 */
export async function reinviteWithRetry(
  attempt: () => Promise<ReinviteResult>,
  policy: RetryPolicy,
  sleep: (ms: number) => Promise<boolean>,
): Promise<ReinviteResult> {
  let result = await attempt();
  for (let tries = 1; tries < policy.maxAttempts; tries++) {
    const delay = retryDelayMs(result, policy);
    if (delay === undefined) return result;
    if (!(await sleep(delay))) return result;
    result = await attempt();
  }
  return result;
}

/** Retry-After's delta-seconds (RFC 3261 section 20.33), ignoring comments and params. */
export function parseRetryAfter(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /^\s*(\d+)/.exec(value);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
