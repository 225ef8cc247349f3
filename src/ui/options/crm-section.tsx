import type { ScreenPop } from '../../settings/settings.ts';
import { t } from '../i18n.ts';
import { CRM_LABELS, CRMS, type SectionProps } from './draft.ts';
import { CheckField, SecretField, SelectField, TextField } from './fields.tsx';

interface Props extends SectionProps {
  tokenStored: boolean;
}

const SCREEN_POPS: ScreenPop[] = ['never', 'ring', 'answer'];
const POP_KEYS: Record<ScreenPop, string> = {
  never: 'optionsScreenPopNever',
  ring: 'optionsScreenPopRing',
  answer: 'optionsScreenPopAnswer',
};

// TODO(#5): show each CRM's connection state (connected, sign-in needed, not permitted).
export function CrmSection({ draft, set, errors, locked, tokenStored }: Props) {
  return (
    <section aria-labelledby="opt-crm">
      <h2 id="opt-crm">{t('optionsCrm')}</h2>
      {CRMS.map((crm) => (
        <fieldset key={crm} class="crm">
          <legend>{CRM_LABELS[crm]}</legend>
          <CheckField
            path={`crmEnabled.${crm}`}
            label={t('optionsCrmEnable', CRM_LABELS[crm])}
            checked={draft.crmEnabled[crm]}
            locked={locked('crmEnabled')}
            onChange={(on) => set({ crmEnabled: { ...draft.crmEnabled, [crm]: on } })}
          />
          <TextField
            path={`extraHosts.${crm}`}
            label={t('optionsExtraHostsLabel', CRM_LABELS[crm])}
            hint={t('optionsExtraHostsHint')}
            multiline
            value={draft.extraHosts[crm]}
            error={errors.get(`extraHosts.${crm}`)}
            locked={locked('extraHosts')}
            onInput={(hosts) => set({ extraHosts: { ...draft.extraHosts, [crm]: hosts } })}
          />
          {crm === 'hubspot' && (
            <SecretField
              path="hubspotToken"
              label={t('optionsHubspotTokenLabel')}
              value={draft.hubspotToken}
              stored={tokenStored}
              error={errors.get('hubspotToken')}
              locked={locked('hubspotToken')}
              onInput={(hubspotToken) => set({ hubspotToken })}
            />
          )}
        </fieldset>
      ))}
      <SelectField
        path="screenPop"
        label={t('optionsScreenPopLabel')}
        value={draft.screenPop}
        options={SCREEN_POPS.map((value) => ({ value, label: t(POP_KEYS[value]) }))}
        locked={locked('screenPop')}
        onChange={(value) => set({ screenPop: SCREEN_POPS.find((p) => p === value) ?? 'never' })}
      />
    </section>
  );
}
