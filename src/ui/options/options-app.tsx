import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CrmStatus } from '../../protocol/caller-card.ts';
import { allExtraHosts } from '../../crm/host-access.ts';
import type { SettingsView } from '../../protocol/messages.ts';
import { t } from '../i18n.ts';
import type { DeviceInfo, SettingsHub } from '../ports.ts';
import { OptionsForm } from './options-form.tsx';

interface Props {
  hub: SettingsHub;
  loadDevices: () => Promise<DeviceInfo[]>;
  onOpenOnboarding: () => void;
}

/** The options page connected to the hub. */
export function OptionsApp({ hub, loadDevices, onOpenOnboarding }: Props) {
  const [view, setView] = useState<SettingsView>();
  const [error, setError] = useState('');
  const [devices, setDevices] = useState<DeviceInfo[]>([]);
  const [crmStatus, setCrmStatus] = useState<CrmStatus[]>();
  const [noAccess, setNoAccess] = useState<string[]>([]);
  // Bumped by a policy change: the form starts again from the new view and its locks.
  const [policyEpoch, setPolicyEpoch] = useState(0);

  const checkCrms = useCallback(() => {
    setCrmStatus(undefined);
    hub.crmStatus?.().then(setCrmStatus, () => setCrmStatus([]));
  }, [hub]);

  // Which saved extra hosts Chrome has not opened to the extension yet: the hosts as last
  // loaded or saved, checked again after each save and each answer to Chrome's prompt.
  const [savedHosts, setSavedHosts] = useState<string[]>([]);
  const checkHosts = useCallback(
    (hosts: string[]) => {
      hub.hostAccess?.missing(hosts).then(setNoAccess, () => setNoAccess([]));
    },
    [hub],
  );
  useEffect(() => {
    if (view) setSavedHosts(allExtraHosts(view.values.extraHosts));
  }, [view]);
  useEffect(() => checkHosts(savedHosts), [savedHosts, checkHosts]);
  // Called in the click's handler: Chrome prompts only for a user's gesture.
  const allowHosts = (hosts: string[]) => {
    const recheck = () => checkHosts(savedHosts);
    void hub.hostAccess?.request(hosts).then(recheck, recheck);
  };

  // A live policy change re-reads the view, so newly locked keys show locked at once.
  useEffect(() => {
    const reload = (next: SettingsView) => {
      setView(next);
      setPolicyEpoch((n) => n + 1);
    };
    return hub.onPolicyChanged?.(() => void hub.load().then(reload, () => {}));
  }, [hub]);

  useEffect(() => {
    hub.load().then(setView, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    loadDevices().then(setDevices, () => setDevices([]));
    checkCrms();
  }, [hub, loadDevices, checkCrms]);

  const save = async (patch: Parameters<SettingsHub['save']>[0]) => {
    const saved = await hub.save(patch);
    checkCrms();
    setSavedHosts(allExtraHosts(saved.values.extraHosts));
    return saved;
  };

  return (
    <main class="page options">
      <h1>{t('optionsTitle')}</h1>
      {error && (
        <p class="error" role="alert">
          {t('optionsLoadFailed', error)}
        </p>
      )}
      {!view && !error && <p role="status">{t('optionsLoading')}</p>}
      {view && (
        <OptionsForm
          key={policyEpoch}
          view={view}
          devices={devices}
          onSave={save}
          crmStatus={hub.crmStatus ? (crmStatus ?? 'checking') : undefined}
          onTest={hub.test}
          hostsWithoutAccess={noAccess}
          onAllowHosts={allowHosts}
          onOpenOnboarding={onOpenOnboarding}
        />
      )}
    </main>
  );
}
