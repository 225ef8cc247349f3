/**
 * One registration attempt with a separate user agent, for "test the account": it reports
 * how the server answered, then unregisters, leaving the working phone untouched.
 */
import type { AccountTestResult, EngineAccount } from '../protocol/messages.ts';
import type { RegistrationSnapshot } from '../protocol/phone-state.ts';
import type { EngineApi } from './engine-api.ts';

const TRIAL_TIMEOUT_MS = 10_000;

export async function tryAccount(api: EngineApi, input: EngineAccount): Promise<AccountTestResult> {
  const checked = api.validateAccount(input);
  if (!checked.ok) return { ok: false, errors: checked.errors };

  // A trial phone must not take calls meant for the real one.
  const phone = api.createPhone({ account: checked.account, callWaiting: false });
  let stopWatching = () => {};
  const outcome = new Promise<RegistrationSnapshot>((resolve) => {
    const timer = setTimeout(() => resolve(phone.snapshot().registration), TRIAL_TIMEOUT_MS);
    stopWatching = phone.onChange(({ registration }) => {
      if (registration.state !== 'registered' && registration.state !== 'failed') return;
      clearTimeout(timer);
      resolve(registration);
    });
  });

  try {
    // A refused start still ends in a failed registration, which is the answer.
    await phone.start().catch(() => undefined);
    const registration = await outcome;
    return { ok: registration.state === 'registered', registration };
  } finally {
    stopWatching();
    await phone.stop();
  }
}
