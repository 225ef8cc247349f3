/**
 * Registration as an explicit state machine over the published snapshot.
 *
 * ```
 *                 register                  accepted
 *  unregistered ───────────▶ registering ─────────────▶ registered
 *       ▲                     │    ▲                       │
 *       │ stop, reconfigure   │    │ register (retry)      │ rejected, unreachable, lapsed
 *       │                     ▼    │                       ▼
 *       └──────────────────── failed ◀─────────────────────┘
 *                   (credentials-rejected | server-unreachable | server-error | invalid-settings)
 * ```
 *
 * `failed` with `credentials-rejected` or `invalid-settings` is final: `register` is refused
 * until `reconfigure` (new settings). A retry from `failed` keeps the failure, its cause and
 * detail while `registering`, so the views can tell a reconnect from a first attempt. sip.js's
 * own Registerer state is not trusted as status: it stays "Registered" after the socket drops,
 * so transport loss is its own event here.
 */
import type {
  AccountProblem,
  RegistrationCause,
  RegistrationFailure,
  RegistrationSnapshot,
} from '../protocol/phone-state.ts';

export type RegistrationEvent =
  | { type: 'register' }
  | { type: 'accepted' }
  | { type: 'rejected'; failure: RegistrationFailure; detail: string; retryAt?: number }
  | { type: 'unreachable'; cause: RegistrationCause; detail?: string; retryAt?: number }
  | { type: 'lapsed'; retryAt?: number }
  | { type: 'invalid'; problems: AccountProblem[] }
  | { type: 'stop' }
  | { type: 'reconfigure' };

/** Failures that retrying cannot fix: only new settings can. */
export function isFinal(snapshot: RegistrationSnapshot): boolean {
  return (
    snapshot.state === 'failed' &&
    (snapshot.failure === 'credentials-rejected' || snapshot.failure === 'invalid-settings')
  );
}

/**
 * What a final REGISTER response means. 401/407 reach us only after sip.js has answered the
 * challenge once, so they mean the credentials were refused, as 403 does (RFC 3261 22.2).
 */
export function failureForStatus(code: number, transportUp: boolean): RegistrationFailure {
  if (code === 401 || code === 403 || code === 407) return 'credentials-rejected';
  // sip.js generates 503 itself when it cannot send, and 408 when nothing answered.
  if (!transportUp || code === 408) return 'server-unreachable';
  return 'server-error';
}

export const initialRegistration = (now: number): RegistrationSnapshot => ({
  state: 'unregistered',
  since: now,
});

function failed(
  failure: RegistrationFailure,
  now: number,
  more: { detail?: string; cause?: RegistrationCause; retryAt?: number },
): RegistrationSnapshot {
  const next: RegistrationSnapshot = { state: 'failed', failure, since: now };
  if (more.cause !== undefined) next.cause = more.cause;
  if (more.detail !== undefined) next.detail = more.detail;
  if (more.retryAt !== undefined) next.retryAt = more.retryAt;
  return next;
}

function retrying(
  { failure, cause, detail }: RegistrationSnapshot,
  now: number,
): RegistrationSnapshot {
  const next: RegistrationSnapshot = { state: 'registering', since: now };
  if (failure !== undefined) next.failure = failure;
  if (cause !== undefined) next.cause = cause;
  if (detail !== undefined) next.detail = detail;
  return next;
}

/** The next snapshot, or null when the event is not allowed in the current state. */
export function registrationTransition(
  current: RegistrationSnapshot,
  event: RegistrationEvent,
  now: number,
): RegistrationSnapshot | null {
  const { state } = current;
  switch (event.type) {
    case 'register':
      if (state === 'registering' || state === 'registered' || isFinal(current)) return null;
      return state === 'failed' ? retrying(current, now) : { state: 'registering', since: now };
    case 'accepted':
      if (state !== 'registering' && state !== 'registered') return null;
      return state === 'registered' ? current : { state: 'registered', since: now };
    case 'rejected':
      if (state !== 'registering' && state !== 'registered') return null;
      return failed(event.failure, now, event);
    case 'unreachable':
      if (state === 'unregistered' || isFinal(current)) return null;
      return failed('server-unreachable', now, event);
    case 'lapsed':
      if (state !== 'registered') return null;
      return failed('server-error', now, { cause: 'refresh-failed', ...event });
    case 'invalid':
      return { state: 'failed', failure: 'invalid-settings', problems: event.problems, since: now };
    case 'stop':
      return state === 'unregistered' ? current : initialRegistration(now);
    case 'reconfigure':
      return initialRegistration(now);
  }
}
