import { useState } from 'preact/hooks';
import type { RegistrationFailure } from '../../protocol/phone-state.ts';
import type { AccountTestResult } from '../../protocol/messages.ts';
import { t } from '../i18n.ts';
import { describeAccountProblems } from '../shared/account-problems.ts';
import { registrationDetail } from '../shared/registration-detail.ts';

interface Props {
  /** Validates the form first; returns undefined when it is not valid. */
  run: () => Promise<AccountTestResult> | undefined;
}

const FAILURE_KEYS: Record<RegistrationFailure | 'timeout', string> = {
  'credentials-rejected': 'optionsTestCredentials',
  'server-unreachable': 'optionsTestUnreachable',
  'server-error': 'optionsTestServerError',
  'invalid-settings': 'optionsTestSettings',
  'no-account': 'optionsTestSettings',
  timeout: 'optionsTestTimeout',
};

type Outcome = { ok: boolean; text: string; detail?: string };

function describe(result: AccountTestResult): Outcome {
  if (result.registered) return { ok: true, text: t('optionsTestOk', Math.round(result.ms)) };
  const detail = result.problems
    ? describeAccountProblems(result.problems).join(' ')
    : registrationDetail(result);
  return { ok: false, text: t(FAILURE_KEYS[result.failure]), detail };
}

/** "Test account": registers once with the form's values and says what happened. */
export function AccountTest({ run }: Props) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const test = async () => {
    if (busy) return;
    // A result from before no longer holds, whether this test runs or the form is refused.
    setOutcome(undefined);
    const pending = run();
    if (!pending) return;
    setBusy(true);
    try {
      setOutcome(describe(await pending));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      setOutcome({ ok: false, text: t('optionsTestFailed'), detail });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="account-test">
      {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page. */}
      <button type="button" aria-disabled={busy || undefined} onClick={() => void test()}>
        {t('optionsTestAccount')}
      </button>
      <div role="status">
        {busy && <p>{t('optionsTesting')}</p>}
        {outcome && (
          <p class={outcome.ok ? 'ok' : 'error'}>
            {outcome.text}
            {outcome.detail && <span class="detail"> {t('regDetail', outcome.detail)}</span>}
          </p>
        )}
      </div>
    </div>
  );
}
