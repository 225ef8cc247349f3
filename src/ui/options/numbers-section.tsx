import { getCountries } from 'libphonenumber-js';
import { DEFAULT_IGNORE_LABELS } from '../../numbers/labels.ts';
import { t, uiLanguage } from '../i18n.ts';
import type { SectionProps } from './draft.ts';
import { CheckField, SelectField, TextField } from './fields.tsx';

/** Every country libphonenumber-js knows, named in the UI language and sorted by that name. */
function countryOptions(): { value: string; label: string }[] {
  const language = uiLanguage();
  const names = new Intl.DisplayNames([language], { type: 'region' });
  return getCountries()
    .map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}

type TextKey = 'outsideLinePrefix' | 'internationalPrefix' | 'numberIgnoreLabels' | 'ownNumbers';

export function NumbersSection({ draft, set, errors, locked }: SectionProps) {
  const text = (key: TextKey) => ({
    path: key,
    value: draft[key],
    error: errors.get(key),
    locked: locked(key),
    onInput: (value: string) => set({ [key]: value }),
  });

  return (
    <section aria-labelledby="opt-numbers">
      <h2 id="opt-numbers">{t('optionsNumbers')}</h2>
      <SelectField
        path="defaultCountry"
        label={t('optionsCountryLabel')}
        hint={t('optionsCountryHint')}
        value={draft.defaultCountry}
        options={countryOptions()}
        error={errors.get('defaultCountry')}
        locked={locked('defaultCountry')}
        onChange={(defaultCountry) => set({ defaultCountry })}
      />
      <TextField
        {...text('outsideLinePrefix')}
        label={t('optionsPrefixLabel')}
        hint={t('optionsPrefixHint')}
        inputMode="tel"
      />
      <SelectField
        path="dialFormat"
        label={t('optionsDialFormatLabel')}
        value={draft.dialFormat}
        options={[
          { value: 'national', label: t('optionsDialNational') },
          { value: 'international', label: t('optionsDialInternational') },
        ]}
        locked={locked('dialFormat')}
        onChange={(value) =>
          set({ dialFormat: value === 'national' ? 'national' : 'international' })
        }
      />
      <TextField
        {...text('internationalPrefix')}
        label={t('optionsIntlPrefixLabel')}
        hint={t('optionsIntlPrefixHint')}
        inputMode="tel"
      />
      <CheckField
        path="detectNumbers"
        label={t('optionsDetectLabel')}
        hint={t('optionsDetectHint')}
        checked={draft.detectNumbers}
        locked={locked('detectNumbers')}
        onChange={(detectNumbers) => set({ detectNumbers })}
      />
      <TextField
        {...text('numberIgnoreLabels')}
        label={t('optionsIgnoreLabelsLabel')}
        hint={t('optionsIgnoreLabelsHint')}
        multiline
      />
      {!locked('numberIgnoreLabels') && (
        <button
          type="button"
          class="link"
          onClick={() => set({ numberIgnoreLabels: DEFAULT_IGNORE_LABELS.join('\n') })}
        >
          {t('optionsIgnoreLabelsRestore')}
        </button>
      )}
      <TextField
        {...text('ownNumbers')}
        label={t('optionsOwnNumbersLabel')}
        hint={t('optionsOwnNumbersHint')}
        multiline
      />
    </section>
  );
}
