/**
 * The settings store: user settings in `storage.local` under one key, read as effective
 * settings. `loadEffectiveSettings` is the one seam where admin policy (src/policy) will lay
 * managed values over the user's. The password is written here and read only by the hub,
 * for the engine; views get a `SettingsView`, which says only whether one is set.
 */
import type { SaveResult } from '../protocol/messages.ts';
import { DEFAULT_SETTINGS, type SettingKey, type Settings } from './settings.ts';
import { checkSettingsChanges } from './validate.ts';

const KEY = 'settings';

export type PublicSettings = Omit<Settings, 'password'>;

export interface SettingsView {
  settings: PublicSettings;
  hasPassword: boolean;
  /** Keys set by admin policy, which views show read-only. */
  locked: SettingKey[];
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

export function withoutPassword(settings: Settings): PublicSettings {
  const copy: Partial<Settings> = { ...settings };
  delete copy.password;
  return copy as PublicSettings;
}

export async function loadSettingsView(): Promise<SettingsView> {
  const settings = await loadEffectiveSettings();
  return { settings: withoutPassword(settings), hasPassword: settings.password !== '', locked: [] };
}

/** Store valid changes; any invalid field refuses the whole change and names the field. */
export async function saveSettings(changes: Record<string, unknown>): Promise<SaveResult> {
  const { patch, errors } = checkSettingsChanges(changes);
  if (errors.length > 0) return { ok: false, errors };

  const current = await loadUserSettings();
  await chrome.storage.local.set({ [KEY]: { ...current, ...patch } });
  return { ok: true };
}

/** Calls `listener` whenever stored settings change, from any context. */
export function onSettingsChanged(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEY in changes) listener();
  };
  chrome.storage.onChanged.addListener(onChanged);
  return () => chrome.storage.onChanged.removeListener(onChanged);
}
