/**
 * "Test the account" from the options page: the stored settings overlaid by the form's
 * unsaved values, tried once by the engine with a separate user agent. The password comes
 * from storage unless the form typed a new one; it never travels back.
 */
import { t } from '../core/i18n.ts';
import type { AccountTestResult } from '../protocol/messages.ts';
import { loadEffectiveSettings } from '../settings/store.ts';
import { checkSettingsChanges } from '../settings/validate.ts';
import { accountFrom } from './engine-config.ts';
import { engine } from './engine.ts';

export async function testAccount(changes: Record<string, unknown>): Promise<AccountTestResult> {
  const { patch, errors } = checkSettingsChanges(changes);
  if (errors.length > 0) return { ok: false, errors };

  const settings = { ...(await loadEffectiveSettings()), ...patch };
  const account = accountFrom(settings);
  if (!account) {
    const field = settings.sipServer ? 'sipUri' : 'sipServer';
    return { ok: false, errors: [{ field, message: t('settingsRequired') }] };
  }
  return engine.send('engine.testAccount', { account });
}
