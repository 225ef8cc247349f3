import type { CrmConnection, CrmStatus } from '../../protocol/caller-card.ts';
import type { CrmName } from '../../protocol/phone-state.ts';
import type { ScreenPop, Settings } from '../../settings/settings.ts';
import { t } from '../i18n.ts';
import { CRM_LABELS, CRMS, type SectionProps } from './draft.ts';
import { CheckField, SecretField, SelectField, TextField } from './fields.tsx';

interface Props extends SectionProps {
  tokenStored: boolean;
  /** The extra hosts as saved, and those of them without host access. */
  saved: Settings['extraHosts'];
  noAccess: readonly string[];
  onAllowHosts: (hosts: string[]) => void;
  /** Each CRM's connection, or `checking` while the hub asks. */
  status?: CrmStatus[] | 'checking';
}

const STATE_KEYS: Record<CrmConnection, string> = {
  connected: 'optionsCrmStateConnected',
  signin: 'optionsCrmStateSignin',
  forbidden: 'optionsCrmStateForbidden',
  ratelimited: 'optionsCrmStateRatelimited',
  unavailable: 'optionsCrmStateUnavailable',
  'no-tab': 'optionsCrmStateNoTab',
  disabled: 'optionsCrmStateDisabled',
};

/** HubSpot's API takes no browser session: what it lacks is a token, or a valid one. */
function stateKey(crm: CrmName, state: CrmConnection, tokenStored: boolean): string {
  if (crm !== 'hubspot' || state !== 'signin') return STATE_KEYS[state];
  return tokenStored ? 'optionsCrmStateTokenRefused' : 'optionsCrmStateTokenMissing';
}

function Connection(props: { crm: CrmName; status: Props['status']; tokenStored: boolean }) {
  const { crm, status, tokenStored } = props;
  if (!status) return null;
  const state = status === 'checking' ? undefined : status.find((s) => s.crm === crm)?.state;
  if (status !== 'checking' && !state) return null;
  return (
    <p class={`crm-state ${state ?? 'checking'}`} role="status">
      {state ? t(stateKey(crm, state, tokenStored), CRM_LABELS[crm]) : t('optionsCrmStateChecking')}
    </p>
  );
}

const SCREEN_POPS: ScreenPop[] = ['never', 'ring', 'answer'];
const POP_KEYS: Record<ScreenPop, string> = {
  never: 'optionsScreenPopNever',
  ring: 'optionsScreenPopRing',
  answer: 'optionsScreenPopAnswer',
};

/** The saved extra hosts of one CRM that Chrome does not let the extension reach yet. */
function HostAccessNotice(props: { hosts: string[]; onAllow: (hosts: string[]) => void }) {
  const { hosts, onAllow } = props;
  if (hosts.length === 0) return null;
  return (
    <div class="host-access" role="status">
      <p>{t('optionsHostAccessMissing', hosts.join(', '))}</p>
      <button type="button" onClick={() => onAllow(hosts)}>
        {t('optionsHostAccessAllow')}
      </button>
    </div>
  );
}

export function CrmSection(props: Props) {
  const { draft, set, errors, locked, tokenStored, status } = props;
  return (
    <section aria-labelledby="opt-crm">
      <h2 id="opt-crm">{t('optionsCrm')}</h2>
      {CRMS.map((crm) => (
        <fieldset key={crm} class="crm">
          <legend>{CRM_LABELS[crm]}</legend>
          <Connection crm={crm} status={status} tokenStored={props.tokenStored} />
          <CheckField
            path={`crmEnabled.${crm}`}
            label={t('optionsCrmEnable', CRM_LABELS[crm])}
            checked={draft.crmEnabled[crm]}
            locked={locked('crmEnabled')}
            onChange={(on) => set({ crmEnabled: { ...draft.crmEnabled, [crm]: on } })}
          />
          <TextField
            path={`orgHosts.${crm}`}
            label={t('optionsOrgHostsLabel', CRM_LABELS[crm])}
            hint={t('optionsOrgHostsHint', CRM_LABELS[crm])}
            multiline
            value={draft.orgHosts[crm]}
            error={errors.get(`orgHosts.${crm}`)}
            locked={locked('orgHosts')}
            onInput={(hosts) => set({ orgHosts: { ...draft.orgHosts, [crm]: hosts } })}
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
          <HostAccessNotice
            hosts={props.saved[crm].filter((host) => props.noAccess.includes(host))}
            onAllow={props.onAllowHosts}
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
              forget={draft.forget.hubspotToken}
              onForget={(on) => set({ forget: { ...draft.forget, hubspotToken: on } })}
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
