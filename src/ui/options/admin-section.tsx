import type { SettingKey } from '../../settings/settings.ts';
import type { IgnoredPolicy } from '../../protocol/messages.ts';
import { t } from '../i18n.ts';

interface Props {
  locked: SettingKey[];
  ignored: IgnoredPolicy[];
}

/** What admin policy sets, and which of its values were ignored and why. */
export function AdminSection({ locked, ignored }: Props) {
  if (locked.length === 0 && ignored.length === 0) return null;
  return (
    <section aria-labelledby="opt-admin" class="admin">
      <h2 id="opt-admin">{t('optionsAdmin')}</h2>
      {locked.length > 0 && <p>{t('optionsAdminLocked', locked.length)}</p>}
      {ignored.length > 0 && (
        <>
          <h3>{t('optionsAdminIgnored')}</h3>
          <p>{t('optionsAdminIgnoredHint')}</p>
          <ul>
            {ignored.map((entry, index) => (
              <li key={index}>
                <code>{entry.key}</code>: {entry.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
