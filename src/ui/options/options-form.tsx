import { useEffect, useRef, useState } from 'preact/hooks';
import type { SettingKey } from '../../settings/settings.ts';
import type { AccountTestResult, SettingsPatch, SettingsView } from '../../protocol/messages.ts';
import { t } from '../i18n.ts';
import type { DeviceInfo } from '../ports.ts';
import type { CrmStatus } from '../../protocol/caller-card.ts';
import { AccountSection } from './account-section.tsx';
import { AdminSection } from './admin-section.tsx';
import { CrmSection } from './crm-section.tsx';
import { DevicesSection } from './devices-section.tsx';
import { fieldId, toDraft, toPatch, type Draft } from './draft.ts';
import { CheckField } from './fields.tsx';
import { NumbersSection } from './numbers-section.tsx';
import { validate, type FieldError } from './validate.ts';

export interface OptionsFormProps {
  view: SettingsView;
  devices: DeviceInfo[];
  /** Resolves with the settings as stored; a rejection's message is shown. */
  onSave: (patch: SettingsPatch) => Promise<SettingsView>;
  onTest: (patch: SettingsPatch) => Promise<AccountTestResult>;
  onOpenOnboarding: () => void;
  /** Each CRM's connection; `checking` while the hub asks them. */
  crmStatus?: CrmStatus[] | 'checking';
  /** Saved extra hosts Chrome has not given access to, and the click that asks for it. */
  hostsWithoutAccess?: string[];
  onAllowHosts?: (hosts: string[]) => void;
}

type Status = { kind: 'saving' | 'saved' | 'failed'; text: string };

/** What "Test account" registers with; other fields do not hold it up. */
const ACCOUNT_KEYS: SettingKey[] = [
  'sipServer',
  'sipUri',
  'authorizationUser',
  'password',
  'displayName',
  'registerExpires',
  'iceServers',
];

const isAccountField = (error: FieldError) =>
  ACCOUNT_KEYS.some((key) => error.field === key || error.field.startsWith(`${key}.`));

export function OptionsForm(props: OptionsFormProps) {
  const [view, setView] = useState(props.view);
  const [draft, setDraft] = useState<Draft>(() => toDraft(props.view));
  const [errors, setErrors] = useState<FieldError[]>([]);
  // Which check put them there: a refused test names the account's fields only, and so do
  // its errors as the agent edits (a save names all).
  const [scope, setScope] = useState<'all' | 'account'>('all');
  // An object per request: a second failed save must move focus again to the same field.
  const [focus, setFocus] = useState<{ field: string }>();
  const [status, setStatus] = useState<Status>();
  // Read before re-render: a second Enter or click while saving must not save again.
  const saving = useRef(false);
  const locked = (key: SettingKey) => view.locked.includes(key);
  const sipDomain = view.sipDomain?.name;

  // Once errors are shown, they follow the agent's edits instead of lingering.
  useEffect(() => {
    if (errors.length === 0) return;
    const found = validate(draft, locked, sipDomain);
    setErrors(scope === 'account' ? found.filter(isAccountField) : found);
    // Deliberately keyed on the draft only: re-checking when the errors change would loop.
  }, [draft]);
  useEffect(() => {
    if (focus) document.getElementById(fieldId(focus.field))?.focus();
  }, [focus]);

  const show = (found: FieldError[]): boolean => {
    setErrors(found);
    const first = found[0];
    if (first) setFocus({ field: first.field });
    return found.length === 0;
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (saving.current) return;
    setStatus(undefined);
    setScope('all');
    if (!show(validate(draft, locked, sipDomain))) return;

    saving.current = true;
    setStatus({ kind: 'saving', text: t('optionsSaving') });
    try {
      const stored = await props.onSave(toPatch(draft, view));
      setView(stored);
      setDraft(toDraft(stored));
      setStatus({ kind: 'saved', text: t('optionsSaved') });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setStatus({ kind: 'failed', text: t('optionsSaveFailed', reason) });
    } finally {
      saving.current = false;
    }
  };

  // Only the account's own fields: a bad entry elsewhere is for Save to report.
  const test = () => {
    const found = validate(draft, locked, sipDomain).filter(isAccountField);
    setScope('account');
    if (found.length > 0) {
      show(found);
      return undefined;
    }

    const patch = toPatch(draft, view);
    const account = Object.fromEntries(
      ACCOUNT_KEYS.filter((k) => k in patch).map((k) => [k, patch[k]]),
    );
    return props.onTest(account);
  };

  const section = {
    draft,
    set: (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch })),
    errors: new Map(errors.map((e) => [e.field, e.message])),
    locked,
  };

  return (
    <form class="options-form" onSubmit={(e) => void save(e)} noValidate>
      {errors.length > 0 && (
        <div class="summary" role="alert">
          <p>{t('optionsErrorsSummary')}</p>
          <ul>
            {errors.map((e) => (
              <li key={e.field}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      <AdminSection locked={view.locked} ignored={view.ignored} />
      <AccountSection
        {...section}
        passwordStored={view.secrets.password}
        {...(sipDomain ? { sipDomain } : {})}
        onTest={test}
      />
      <DevicesSection
        {...section}
        devices={props.devices}
        onOpenOnboarding={props.onOpenOnboarding}
      />
      <NumbersSection {...section} />
      <CrmSection
        {...section}
        tokenStored={view.secrets.hubspotToken}
        saved={view.values.extraHosts}
        noAccess={props.hostsWithoutAccess ?? []}
        onAllowHosts={props.onAllowHosts ?? (() => {})}
        {...(props.crmStatus ? { status: props.crmStatus } : {})}
      />
      <section aria-labelledby="opt-calls">
        <h2 id="opt-calls">{t('optionsCalls')}</h2>
        <CheckField
          path="callWaiting"
          label={t('optionsCallWaitingLabel')}
          hint={t('optionsCallWaitingHint')}
          checked={draft.callWaiting}
          locked={locked('callWaiting')}
          onChange={(callWaiting) => section.set({ callWaiting })}
        />
      </section>
      <div class="actions">
        {/* aria-disabled, not disabled: a disabled button would drop keyboard focus to <body>. */}
        <button
          type="submit"
          class="primary"
          aria-disabled={status?.kind === 'saving' || undefined}
        >
          {t('optionsSave')}
        </button>
        <p role="status" class={status?.kind === 'failed' ? 'error' : 'ok'}>
          {status?.text}
        </p>
      </div>
    </form>
  );
}
