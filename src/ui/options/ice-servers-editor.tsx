import { t } from '../i18n.ts';
import { fieldId, keepsCredential, type IceRow, type SectionProps } from './draft.ts';

const EMPTY: IceRow = { urls: '', username: '', credential: '' };

/** Whether a stored credential is kept, or lost because URLs or user name changed. */
function credentialNote(row: IceRow): string | undefined {
  if (row.stored === undefined || row.credential !== '') return undefined;
  return t(keepsCredential(row) ? 'optionsSecretSet' : 'optionsIceCredentialAgain');
}

/**
 * STUN/TURN servers as rows of URL(s), user name and credential. The credential is write-only,
 * as the other secrets: the row says whether one is stored, and removing the row removes it.
 */
export function IceServersEditor({ draft, set, errors, locked }: SectionProps) {
  const rows = draft.iceServers;
  const isLocked = locked('iceServers');
  const update = (index: number, patch: Partial<IceRow>) =>
    set({ iceServers: rows.map((row, i) => (i === index ? { ...row, ...patch } : row)) });

  return (
    <fieldset class={isLocked ? 'ice is-locked' : 'ice'} disabled={isLocked}>
      <legend>{t('optionsIceLabel')}</legend>
      <p class="hint">{t('optionsIceHint')}</p>
      {isLocked && <p class="locked">{t('optionsLocked')}</p>}
      {rows.map((row, index) => {
        const path = `iceServers.${index}`;
        const urlError = errors.get(`${path}.urls`);
        const credError = errors.get(`${path}.username`);
        const name = t('optionsIceServer', index + 1);
        const note = credentialNote(row);
        const noteId = `${fieldId(`${path}.credential`)}-hint`;
        return (
          <div class="ice-row" role="group" aria-label={name} key={index}>
            <label>
              {t('optionsIceUrl')}
              <input
                id={fieldId(`${path}.urls`)}
                value={row.urls}
                placeholder="turn:turn.example.com:3478"
                spellcheck={false}
                aria-invalid={urlError ? true : undefined}
                onInput={(e) => update(index, { urls: e.currentTarget.value })}
              />
            </label>
            <label>
              {t('optionsIceUsername')}
              <input
                id={fieldId(`${path}.username`)}
                value={row.username}
                autocomplete="off"
                aria-invalid={credError ? true : undefined}
                onInput={(e) => update(index, { username: e.currentTarget.value })}
              />
            </label>
            <label>
              {t('optionsIceCredential')}
              <input
                id={fieldId(`${path}.credential`)}
                type="password"
                value={row.credential}
                autocomplete="new-password"
                aria-describedby={note ? noteId : undefined}
                onInput={(e) => update(index, { credential: e.currentTarget.value })}
              />
            </label>
            <button
              type="button"
              aria-label={t('optionsIceRemoveLabel', index + 1)}
              onClick={() => set({ iceServers: rows.filter((_, i) => i !== index) })}
            >
              {t('optionsIceRemove')}
            </button>
            {note && (
              // Full width, as the errors below (pages.css has no rule for a hint in the row).
              <p id={noteId} class="hint">
                {note}
              </p>
            )}
            {[urlError, credError].filter(Boolean).map((message) => (
              <p class="error" key={message}>
                {message}
              </p>
            ))}
          </div>
        );
      })}
      <button type="button" onClick={() => set({ iceServers: [...rows, { ...EMPTY }] })}>
        {t('optionsIceAdd')}
      </button>
    </fieldset>
  );
}
