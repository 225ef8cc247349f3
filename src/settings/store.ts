/**
 * The settings store: user settings in `storage.local` under one key, read as effective
 * settings, that is under the admin policy of `storage.managed` (src/policy). `loadEffective`
 * is the one seam where policy applies. The password is written here and read only by the
 * hub, for the engine; views get a `SettingsView`, which says only whether one is set.
 */
import { readManagedPolicy } from '../policy/managed-source.ts';
import { parsePolicy } from '../policy/parse-policy.ts';
import type { SipDomainPolicy } from '../policy/policy-types.ts';
import type { SaveResult } from '../protocol/messages.ts';
import {
  checkUserChange,
  computeEffective,
  type EffectiveSettings,
  type IgnoredPolicy,
} from './effective.ts';
import type { SettingKey, Settings } from './settings.ts';
import { checkSettingsChanges, type CheckedChanges } from './validate.ts';

const KEY = 'settings';

export type PublicSettings = Omit<Settings, 'password'>;

export interface SettingsView {
  settings: PublicSettings;
  hasPassword: boolean;
  /** Keys set by admin policy, which views show read-only. */
  locked: SettingKey[];
  /** Policy values that were not applied, with the reason. */
  ignored: IgnoredPolicy[];
  /** Set when policy fixes the SIP domain: the agent enters only the extension. */
  sipDomain?: SipDomainPolicy;
}

/** What the user stored, checked again on the way out (storage may hold an older shape). */
export async function loadUserSettings(): Promise<Partial<Settings>> {
  const stored = (await chrome.storage.local.get(KEY))[KEY];
  if (typeof stored !== 'object' || stored === null) return {};
  return checkSettingsChanges(stored as Record<string, unknown>).patch;
}

/** Defaults, policy defaults, the user's values, then what the policy locks. */
export async function loadEffective(): Promise<EffectiveSettings> {
  const [raw, user] = await Promise.all([readManagedPolicy(), loadUserSettings()]);
  return computeEffective(raw, user);
}

export async function loadEffectiveSettings(): Promise<Settings> {
  return (await loadEffective()).settings;
}

/** A change from a view checked under the current policy (locks, SIP domain) and formats. */
export async function checkChange(changes: Record<string, unknown>): Promise<CheckedChanges> {
  return checkUserChange(changes, parsePolicy(await readManagedPolicy()));
}

export function withoutPassword(settings: Settings): PublicSettings {
  const copy: Partial<Settings> = { ...settings };
  delete copy.password;
  return copy as PublicSettings;
}

export async function loadSettingsView(): Promise<SettingsView> {
  const { settings, locked, ignored, sipDomain } = await loadEffective();
  const view = { settings: withoutPassword(settings), hasPassword: settings.password !== '' };
  return sipDomain ? { ...view, locked, ignored, sipDomain } : { ...view, locked, ignored };
}

/**
 * Store valid changes; any invalid field refuses the whole change and names the field. A
 * key the policy locks counts as invalid unless the change only repeats the policy's value.
 */
export async function saveSettings(changes: Record<string, unknown>): Promise<SaveResult> {
  const { patch, errors } = await checkChange(changes);
  if (errors.length > 0) return { ok: false, errors };

  const current = await loadUserSettings();
  await chrome.storage.local.set({ [KEY]: { ...current, ...patch } });
  return { ok: true };
}

/**
 * Calls `listener` whenever effective settings may have changed, from any context: a save,
 * or a policy change (which Chrome may also deliver seconds after start, when it has loaded
 * platform policy).
 */
export function onSettingsChanged(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' && KEY in changes) || area === 'managed') listener();
  };
  chrome.storage.onChanged.addListener(onChanged);
  return () => chrome.storage.onChanged.removeListener(onChanged);
}
