/**
 * One REGISTER attempt as a promise of its outcome. sip.js reports outcomes through a request
 * delegate, except for a few it only logs (a 2xx without our Contact, a redirect): for those
 * the Registerer's "waiting" flag dropping is the only sign, so it settles the promise too.
 */
import { RegistererState, type Emitter, type Registerer } from 'sip.js';

export type RegisterOutcome =
  { ok: true } | { ok: false; code: number; reason: string; retryAfter?: number };

/**
 * sip.js 0.21 keeps the Registerer's "request outstanding" flag out of its typings, yet it is
 * the only way to know whether a REGISTER still waits for its final response.
 */
interface RegistererInternals {
  waiting: boolean;
  waitingChange: Emitter<boolean>;
}

function internals(registerer: Registerer): RegistererInternals {
  return registerer as unknown as RegistererInternals;
}

export function isWaiting(registerer: Registerer): boolean {
  return internals(registerer).waiting;
}

export function registerOnce(registerer: Registerer): Promise<RegisterOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: RegisterOutcome): void => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };

    const failed = (error: unknown): void =>
      settle({ ok: false, code: 0, reason: error instanceof Error ? error.message : 'failed' });

    try {
      registerer
        .register({
          requestDelegate: {
            onAccept: () => settle({ ok: true }),
            onReject: (response) => {
              const outcome: RegisterOutcome = {
                ok: false,
                code: response.message.statusCode ?? 0,
                reason: response.message.reasonPhrase ?? '',
              };
              // Only readable while sip.js is inside this callback.
              if (registerer.retryAfter !== undefined) outcome.retryAfter = registerer.retryAfter;
              settle(outcome);
            },
          },
        })
        .catch(failed);
    } catch (error) {
      // A disposed Registerer throws instead of rejecting.
      failed(error);
      return;
    }

    // Added after register(): its first emission (waiting: true) has already happened.
    internals(registerer).waitingChange.addListener(
      () =>
        queueMicrotask(() => {
          if (registerer.state === RegistererState.Registered) settle({ ok: true });
          else settle({ ok: false, code: 0, reason: 'unusable response to REGISTER' });
        }),
      { once: true },
    );
  });
}
