/**
 * "Test the account" from the options page: the stored settings overlaid by the form's
 * unsaved values, tried once by the engine with a separate user agent. The password comes
 * from storage unless the form typed a new one; it never travels back.
 */
import { t } from '../core/i18n.ts';
import type { AccountTestResult } from '../protocol/messages.ts';
import { checkChange, loadEffectiveSettings } from '../settings/store.ts';
import { accountFrom } from './engine-config.ts';
import { engine } from './engine.ts';

export async function testAccount(patch: Record<string, unknown>): Promise<AccountTestResult> {
  // Under policy: a locked server or account cannot be tried either.
  const checked = await checkChange(patch);
  if (checked.errors.length > 0) {
    const detail = checked.errors.map((e) => e.message).join(' ');
    return { registered: false, failure: 'invalid-settings', detail };
  }

  const account = accountFrom({ ...(await loadEffectiveSettings()), ...checked.patch });
  if (!account) {
    return { registered: false, failure: 'invalid-settings', detail: t('settingsRequired') };
  }
  return engine.send('engine.testAccount', { account });
}
