/**
 * Effective settings: built-in defaults, then the policy's unlocked defaults, then the agent's
 * own settings, then the policy's locked values. A SIP domain from policy completes the
 * agent's SIP address: the admin sets server and domain, the agent enters only the user part
 * (extension) and password. A per-user policy may instead set the whole account.
 */
import { DEFAULT_SETTINGS, type SettingKey, type Settings } from '../settings/settings.ts';
import type { Policy, SipDomainPolicy } from './policy-types.ts';

const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

export const isSettingKey = (key: string): key is SettingKey =>
  (SETTING_KEYS as string[]).includes(key);

/** Structural equality for JSON-like setting values (object key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((k) => sameValue((a as Record<string, unknown>)[k], bRecord[k]));
}

function copy(target: Settings, source: Partial<Settings>, keys: readonly SettingKey[]): void {
  const out = target as Record<SettingKey, unknown>;
  for (const key of keys) {
    if (source[key] !== undefined) out[key] = structuredClone(source[key]);
  }
}

/** `1001`, `1001@old.example` or `sip:1001@old.example` → `sip:1001@<domain>`. */
export function withSipDomain(address: string, domain: SipDomainPolicy): string {
  const trimmed = address.trim();
  const scheme = /^sips:/i.test(trimmed) ? 'sips' : 'sip';
  const [user = '', current] = trimmed.replace(/^sips?:/i, '').split('@');
  if (user === '') return '';
  if (current && !domain.locked) return `${scheme}:${user}@${current}`;
  return `${scheme}:${user}@${domain.name}`;
}

export function mergeSettings(user: Partial<Settings>, policy: Policy): Settings {
  const merged = structuredClone(DEFAULT_SETTINGS);
  const locked = new Set(policy.locked);
  const free = SETTING_KEYS.filter((k) => !locked.has(k));

  copy(merged, policy.values, free);
  copy(merged, user, free);
  copy(merged, policy.values, policy.locked);

  if (policy.sipDomain && !locked.has('sipUri')) {
    merged.sipUri = withSipDomain(merged.sipUri, policy.sipDomain);
  }
  return merged;
}

export interface RefusedChange {
  key: string;
  reason: 'locked' | 'unknownKey';
}

export interface UserChangeResult {
  /** The agent's own settings to store. */
  user: Partial<Settings>;
  accepted: SettingKey[];
  refused: RefusedChange[];
}

/**
 * Applies a save from the options page to the agent's stored settings. A locked key is
 * refused unless the change only repeats the policy's value (a form sends every field back).
 * Values are not validated here; that is the settings store's job.
 */
export function applyUserChange(
  current: Partial<Settings>,
  change: Readonly<Record<string, unknown>>,
  policy: Policy,
): UserChangeResult {
  const user: Partial<Settings> = structuredClone(current);
  const accepted: SettingKey[] = [];
  const refused: RefusedChange[] = [];

  for (const [key, value] of Object.entries(change)) {
    if (!isSettingKey(key)) {
      refused.push({ key, reason: 'unknownKey' });
    } else if (policy.locked.includes(key)) {
      if (!sameValue(value, policy.values[key])) refused.push({ key, reason: 'locked' });
    } else {
      (user as Record<SettingKey, unknown>)[key] = structuredClone(value);
      accepted.push(key);
    }
  }
  return { user, accepted, refused };
}
