/**
 * Why an outgoing call did not connect, from the final response to its INVITE
 * (RFC 3261 section 21). The SIP status and reason always travel along as `endDetail`.
 */
import type { EndCause } from '../protocol/phone-state.ts';

const CAUSES: Record<number, EndCause> = {
  486: 'busy',
  600: 'busy',
  404: 'not-found',
  410: 'not-found',
  484: 'not-found',
  604: 'not-found',
  408: 'no-answer',
  480: 'no-answer',
  603: 'declined',
};

export function causeForStatus(code: number): EndCause {
  return CAUSES[code] ?? 'failed';
}

const PHRASES: Record<number, string> = {
  480: 'Temporarily Unavailable',
  486: 'Busy Here',
  603: 'Decline',
};

/** The standard reason phrase for the final responses the engine sends itself. */
export function reasonPhrase(code: number): string | undefined {
  return PHRASES[code];
}

/** `486 Busy Here`, with a fallback for responses sip.js generated without a phrase. */
export function statusDetail(code: number, reason: string | undefined): string {
  return `${code} ${reason?.trim() || 'No reason given'}`.slice(0, 200);
}

/** Media errors from getUserMedia, as the session description handler rejects with them. */
export type MediaProblem = 'blocked' | 'missing';

export function mediaProblem(error: unknown): MediaProblem | undefined {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'blocked';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
  if (name === 'NotReadableError') return 'missing';
  return undefined;
}
