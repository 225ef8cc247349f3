/**
 * The settings store: user settings in `storage.local` under one key, read as effective
 * settings, that is under the admin policy of `storage.managed` (src/policy). `loadEffective`
 * is the one seam where policy applies. Secrets (the SIP password, the HubSpot token, the TURN
 * credentials) are written here and read only by the hub; views get a `SettingsView`, which says
 * only whether each is stored.
 */
import { readManagedPolicy } from '../policy/managed-source.ts';
import { parsePolicy } from '../policy/parse-policy.ts';
import type { SipDomainPolicy } from '../policy/policy-types.ts';
import type { FieldError } from '../protocol/messages.ts';
import {
  checkUserChange,
  computeEffective,
  type EffectiveSettings,
  type IgnoredPolicy,
} from './effective.ts';
import type { IceServer, SettingKey, Settings } from './settings.ts';
import { checkStoredSettings, type CheckedChanges } from './validate.ts';

export type { IgnoredPolicy };

const KEY = 'settings';

export const SECRET_KEYS = ['password', 'hubspotToken'] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];

/** An ICE server as views see it: whether a credential is stored, never the credential. */
export interface IceServerView extends Omit<IceServer, 'credential'> {
  credentialStored: boolean;
}

export interface SettingsView {
  values: Omit<Settings, SecretKey | 'iceServers'> & { iceServers: IceServerView[] };
  /** Whether each secret is stored (by the user or by policy). */
  secrets: Record<SecretKey, boolean>;
  /** Keys set by admin policy, which views show read-only. */
  locked: SettingKey[];
  /** Policy values that were not applied, with the reason. */
  ignored: IgnoredPolicy[];
  /** Set when policy fixes the SIP domain: the agent enters only the extension. */
  sipDomain?: SipDomainPolicy;
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
  return checkStoredSettings(stored as Record<string, unknown>).patch;
}

/** Defaults, policy defaults, the user's values, then what the policy locks. */
export async function loadEffective(): Promise<EffectiveSettings> {
  const [raw, user] = await Promise.all([readManagedPolicy(), loadUserSettings()]);
  return computeEffective(raw, user);
}

export async function loadEffectiveSettings(): Promise<Settings> {
  return (await loadEffective()).settings;
}

/** A patch from a view checked under the current policy (locks, SIP domain) and formats. */
export async function checkChange(patch: Record<string, unknown>): Promise<CheckedChanges> {
  return checkUserChange(patch, parsePolicy(await readManagedPolicy()));
}

export function viewOf({ settings, locked, ignored, sipDomain }: EffectiveSettings): SettingsView {
  const values: Partial<Settings> = { ...settings };
  for (const key of SECRET_KEYS) delete values[key];
  const iceServers = settings.iceServers.map(({ credential, ...server }) => ({
    ...server,
    credentialStored: Boolean(credential),
  }));
  const view = {
    values: { ...(values as Omit<Settings, SecretKey>), iceServers },
    secrets: { password: settings.password !== '', hubspotToken: settings.hubspotToken !== '' },
    locked,
    ignored,
  };
  return sipDomain ? { ...view, sipDomain } : view;
}

export async function loadSettingsView(): Promise<SettingsView> {
  return viewOf(await loadEffective());
}

const serverKey = (server: { urls?: unknown; username?: unknown }): string =>
  JSON.stringify([[server.urls].flat(), server.username ?? '']);

/**
 * Views never see ICE credentials, so a patch's ICE server without one keeps the credential
 * stored for the same URLs and user name in `stored`; a server not in the patch loses its own.
 */
export function keepIceCredentials(
  patch: Record<string, unknown>,
  stored: readonly IceServer[],
): Record<string, unknown> {
  if (!Array.isArray(patch.iceServers)) return patch;

  const credentials = new Map<string, string>();
  for (const server of stored) {
    if (server.credential) credentials.set(serverKey(server), server.credential);
  }
  const iceServers = (patch.iceServers as unknown[]).map((entry) => {
    if (typeof entry !== 'object' || entry === null || 'credential' in entry) return entry;
    const credential = credentials.get(serverKey(entry));
    return credential ? { ...entry, credential } : entry;
  });
  return { ...patch, iceServers };
}

/**
 * Stores a valid patch; any invalid field refuses the whole patch (SettingsRejected). A key
 * the policy locks counts as invalid unless the patch only repeats the policy's value.
 */
export async function saveSettings(patch: Record<string, unknown>): Promise<SettingsView> {
  const { settings } = await loadEffective();
  const checked = await checkChange(keepIceCredentials(patch, settings.iceServers));
  if (checked.errors.length > 0) throw new SettingsRejected(checked.errors);

  const current = await loadUserSettings();
  await chrome.storage.local.set({ [KEY]: { ...current, ...checked.patch } });
  return loadSettingsView();
}

/**
 * Calls `listener` whenever effective settings may have changed, from any context: a save,
 * or a policy change (which Chrome may also deliver seconds after start, once it has loaded
 * platform policy).
 */
export function onSettingsChanged(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' && KEY in changes) || area === 'managed') listener();
  };
  chrome.storage.onChanged.addListener(onChanged);
  return () => chrome.storage.onChanged.removeListener(onChanged);
}
