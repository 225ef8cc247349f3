/**
 * The settings store: user settings in `storage.local` under one key, read as effective
 * settings. `loadEffectiveSettings` is the one seam where admin policy (src/policy) will lay
 * managed values over the user's. Secrets (the SIP password, the HubSpot token) are written
 * here and read only by the hub; views get a `SettingsView`, which says only whether each is
 * stored.
 */
import type { FieldError } from '../protocol/messages.ts';
import { DEFAULT_SETTINGS, type SettingKey, type Settings } from './settings.ts';
import { checkSettingsChanges } from './validate.ts';

const KEY = 'settings';

export const SECRET_KEYS = ['password', 'hubspotToken'] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];

/** A policy value that could not be applied, and why (filled by src/policy). */
export interface IgnoredPolicy {
  key: string;
  reason: string;
}

export interface SettingsView {
  values: Omit<Settings, SecretKey>;
  /** Whether each secret is stored (by the user or by policy). */
  secrets: Record<SecretKey, boolean>;
  /** Keys set by admin policy, which views show read-only. */
  locked: SettingKey[];
  ignored: IgnoredPolicy[];
}

/** A save refused because of these fields; `message` joins their explanations. */
export class SettingsRejected extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => e.message).join(' '));
    this.name = 'SettingsRejected';
  }
}

/** What the user stored, checked again on the way out (storage may hold an older shape). */
export async function loadUserSettings(): Promise<Partial<Settings>> {
  const stored = (await chrome.storage.local.get(KEY))[KEY];
  if (typeof stored !== 'object' || stored === null) return {};
  return checkSettingsChanges(stored as Record<string, unknown>).patch;
}

/** Defaults, then the user's values. TODO(#6): admin policy over both, and its locked keys. */
export async function loadEffectiveSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await loadUserSettings()) };
}

export function viewOf(settings: Settings): SettingsView {
  const values: Partial<Settings> = { ...settings };
  for (const key of SECRET_KEYS) delete values[key];
  return {
    values: values as SettingsView['values'],
    secrets: { password: settings.password !== '', hubspotToken: settings.hubspotToken !== '' },
    locked: [],
    ignored: [],
  };
}

export async function loadSettingsView(): Promise<SettingsView> {
  return viewOf(await loadEffectiveSettings());
}

/** Stores a valid patch; any invalid field refuses the whole patch (SettingsRejected). */
export async function saveSettings(patch: Record<string, unknown>): Promise<SettingsView> {
  const checked = checkSettingsChanges(patch);
  if (checked.errors.length > 0) throw new SettingsRejected(checked.errors);

  const current = await loadUserSettings();
  await chrome.storage.local.set({ [KEY]: { ...current, ...checked.patch } });
  return loadSettingsView();
}

/** Calls `listener` whenever stored settings change, from any context. */
export function onSettingsChanged(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEY in changes) listener();
  };
  chrome.storage.onChanged.addListener(onChanged);
  return () => chrome.storage.onChanged.removeListener(onChanged);
}
