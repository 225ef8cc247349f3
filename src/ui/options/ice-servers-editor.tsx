import { t } from '../i18n.ts';
import { fieldId, type IceRow, type SectionProps } from './draft.ts';

const EMPTY: IceRow = { urls: '', username: '', credential: '' };

/** STUN/TURN servers as rows of URL(s), user name and credential. */
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
                type="password"
                value={row.credential}
                autocomplete="new-password"
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
