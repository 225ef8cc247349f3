/**
 * One registration attempt with a separate user agent, for "test the account": it reports
 * how the server answered and how long it took, then unregisters, leaving the working phone
 * untouched.
 */
import type { AccountTestResult, EngineAccount } from '../protocol/messages.ts';
import type { RegistrationSnapshot } from '../protocol/phone-state.ts';
import type { EngineApi } from './engine-api.ts';

const TRIAL_TIMEOUT_MS = 10_000;

export async function tryAccount(api: EngineApi, input: EngineAccount): Promise<AccountTestResult> {
  const checked = api.validateAccount(input);
  if (!checked.ok) {
    return { registered: false, failure: 'invalid-settings', problems: checked.errors };
  }

  // A trial phone must not take calls meant for the real one.
  const phone = api.createPhone({ account: checked.account, callWaiting: false });
  const started = performance.now();
  let stopWatching = () => {};
  const outcome = new Promise<RegistrationSnapshot | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), TRIAL_TIMEOUT_MS);
    stopWatching = phone.onChange(({ registration }) => {
      if (registration.state !== 'registered' && registration.state !== 'failed') return;
      clearTimeout(timer);
      resolve(registration);
    });
  });

  try {
    // A refused start still ends in a failed registration, which is the answer.
    await phone.start().catch(() => undefined);
    const registration = (await outcome) ?? phone.snapshot().registration;
    if (registration.state === 'registered') {
      return { registered: true, ms: performance.now() - started };
    }
    if (registration.state !== 'failed') return { registered: false, failure: 'timeout' };
    return {
      registered: false,
      failure: registration.failure ?? 'server-error',
      ...(registration.cause ? { cause: registration.cause } : {}),
      ...(registration.detail ? { detail: registration.detail } : {}),
    };
  } finally {
    stopWatching();
    await phone.stop();
  }
}
