/**
 * "Test the account" from the options page: the stored settings overlaid by the form's
 * unsaved values, tried once by the engine with a separate user agent. The password and the
 * TURN credentials come from storage unless the form typed new ones; they never travel back.
 */
import { t } from '../core/i18n.ts';
import type { AccountTestResult } from '../protocol/messages.ts';
import { checkChange, keepIceCredentials, loadEffectiveSettings } from '../settings/store.ts';
import { accountFrom } from './engine-config.ts';
import { engine } from './engine.ts';

export async function testAccount(patch: Record<string, unknown>): Promise<AccountTestResult> {
  const stored = await loadEffectiveSettings();
  // Under policy: a locked server or account cannot be tried either.
  const checked = await checkChange(keepIceCredentials(patch, stored.iceServers));
  if (checked.errors.length > 0) {
    const detail = checked.errors.map((e) => e.message).join(' ');
    return { registered: false, failure: 'invalid-settings', detail };
  }

  const account = accountFrom({ ...stored, ...checked.patch });
  if (!account) {
    return { registered: false, failure: 'invalid-settings', detail: t('settingsRequired') };
  }
  return engine.send('engine.testAccount', { account });
}
