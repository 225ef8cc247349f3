/**
 * Effective settings: the agent's own settings (`storage.local`, key `settings`) under admin
 * policy (`storage.managed`). This is the one seam between policy and the rest:
 *
 * - `loadEffectiveSettings()` for the hub (the account it sends to the engine) and for the
 *   settings it hands to views (strip the password there: views only learn whether one is set);
 * - `onEffectiveSettingsChanged()` to re-register when account keys change and to push the new
 *   state to views, for a policy edit as for a save;
 * - `saveUserChange()` for the options page's save: locked keys are refused, not stored.
 *
 * Nothing is cached: the service worker may stop at any moment, so each call reads storage.
 */
import { createLogger } from '../core/logger.ts';
import { readManagedPolicy, revertChanges, type RawPolicy } from '../policy/managed-source.ts';
import type { StorageChanges } from '../policy/managed-source.ts';
import { applyUserChange, changedKeys, mergeSettings } from '../policy/merge.ts';
import { parsePolicy } from '../policy/parse-policy.ts';
import { reasonMessageName, type SipDomainPolicy } from '../policy/policy-types.ts';
import type { SettingKey, Settings } from './settings.ts';

const log = createLogger('settings');

export const USER_SETTINGS_KEY = 'settings';

/** Keys whose change means the engine must get the account again and re-register. */
export const ACCOUNT_KEYS: readonly SettingKey[] = [
  'sipServer',
  'sipUri',
  'authorizationUser',
  'password',
  'displayName',
  'iceServers',
  'registerExpires',
];

/** A policy value that was not applied; `reason` is already in the browser's language. */
export interface IgnoredPolicy {
  key: string;
  reason: string;
  /** The offending value (never a secret). Untrusted: render as text. */
  value?: string;
}

export interface EffectiveSettings {
  settings: Settings;
  /** Keys the administrator set and agents cannot change. */
  locked: SettingKey[];
  ignored: IgnoredPolicy[];
  /** Set when policy fixes the SIP domain: the agent enters only the user part. */
  sipDomain?: SipDomainPolicy;
}

export type Translate = (messageName: string) => string;

const chromeTranslate: Translate = (name) =>
  typeof chrome !== 'undefined' && chrome.i18n ? chrome.i18n.getMessage(name) : '';

const isRecord = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw);

const asUserSettings = (raw: unknown): Partial<Settings> => (isRecord(raw) ? raw : {});

export function computeEffective(
  raw: RawPolicy,
  user: Partial<Settings>,
  translate: Translate = chromeTranslate,
): EffectiveSettings {
  const policy = parsePolicy(raw);
  const ignored = policy.ignored.map(({ key, reason, value }) => {
    const text = translate(reasonMessageName(reason)) || reason;
    return value === undefined ? { key, reason: text } : { key, reason: text, value };
  });
  const settings = mergeSettings(user, policy);
  const result = { settings, locked: [...policy.locked], ignored };
  return policy.sipDomain ? { ...result, sipDomain: policy.sipDomain } : result;
}

async function readUserSettings(): Promise<Partial<Settings>> {
  const stored = await chrome.storage.local.get(USER_SETTINGS_KEY);
  return asUserSettings(stored[USER_SETTINGS_KEY]);
}

export async function loadEffectiveSettings(): Promise<EffectiveSettings> {
  const [raw, user] = await Promise.all([readManagedPolicy(), readUserSettings()]);
  return computeEffective(raw, user);
}

export type EffectiveListener = (
  next: EffectiveSettings,
  previous: EffectiveSettings,
  changed: SettingKey[],
) => void;

/**
 * Calls `listener` after every policy change and every change of the agent's settings, with
 * the settings before and after and the keys that differ (empty when only `locked` or
 * `ignored` changed). Register it at the service worker's top level so a change wakes it.
 */
export function onEffectiveSettingsChanged(listener: EffectiveListener, signal?: AbortSignal) {
  let queue = Promise.resolve();

  const handle = (changes: StorageChanges, area: string): void => {
    const userChange = area === 'local' && USER_SETTINGS_KEY in changes;
    if (area !== 'managed' && !userChange) return;

    queue = queue
      .then(async () => {
        const [raw, user] = await Promise.all([readManagedPolicy(), readUserSettings()]);
        const rawBefore = area === 'managed' ? revertChanges(raw, changes) : raw;
        const userBefore = userChange ? asUserSettings(changes[USER_SETTINGS_KEY]?.oldValue) : user;
        const next = computeEffective(raw, user);
        const previous = computeEffective(rawBefore, userBefore);
        listener(next, previous, changedKeys(previous.settings, next.settings));
      })
      .catch((error: unknown) => log.error('effective settings update failed', error));
  };

  chrome.storage.onChanged.addListener(handle);
  signal?.addEventListener('abort', () => chrome.storage.onChanged.removeListener(handle));
}

export interface SaveResult {
  accepted: SettingKey[];
  /** Keys not saved, with the reason in the browser's language. */
  refused: { key: string; reason: string }[];
}

/** Saves an agent's change; keys the policy locks are refused and keep the policy's value. */
export async function saveUserChange(change: Readonly<Record<string, unknown>>) {
  const [raw, user] = await Promise.all([readManagedPolicy(), readUserSettings()]);
  const result = applyUserChange(user, change, parsePolicy(raw));
  if (result.accepted.length > 0) {
    await chrome.storage.local.set({ [USER_SETTINGS_KEY]: result.user });
  }

  const refused = result.refused.map(({ key, reason }) => {
    const name = reason === 'locked' ? 'policyRefusedLocked' : reasonMessageName('unknownKey');
    return { key, reason: chromeTranslate(name) || reason };
  });
  return { accepted: result.accepted, refused } satisfies SaveResult;
}
