/**
 * The few ways a CRM request can fail that the UI explains to the agent (DESIGN.md, "CRM
 * adapters"). Everything an adapter throws for a CRM's answer is a CrmError; a plain Error
 * from an adapter is a bug.
 */
import type { CrmErrorKind } from '../protocol/caller-card.ts';

export type { CrmErrorKind };

export const CRM_ERROR_KINDS: readonly CrmErrorKind[] = [
  'signin',
  'forbidden',
  'ratelimited',
  'notfound',
  'unavailable',
];

export class CrmError extends Error {
  override readonly name = 'CrmError';

  constructor(
    readonly kind: CrmErrorKind,
    message: string,
    /** For `ratelimited`: how long the CRM asked us to wait (Retry-After), when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export function isCrmErrorKind(value: unknown): value is CrmErrorKind {
  return typeof value === 'string' && (CRM_ERROR_KINDS as readonly string[]).includes(value);
}

/** Any failure as a CrmError: network and unknown failures count as `unavailable`. */
export function asCrmError(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CrmError('unavailable', message);
}
