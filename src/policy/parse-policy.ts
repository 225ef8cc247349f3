/**
 * Turns the raw contents of `chrome.storage.managed` into a `Policy`. Never throws: a missing
 * or empty policy gives `EMPTY_POLICY`; every value that cannot be used is left out and
 * listed in `ignored`, and the rest applies.
 *
 * Locking model: every setting the policy sets is locked, except those named in
 * `unlockedSettings`, which become defaults the agent may change.
 */
import type { SettingKey, Settings } from '../settings/settings.ts';
import { FIELDS, preview, type Report } from './policy-fields.ts';
import {
  EMPTY_POLICY,
  type Policy,
  type PolicyIssue,
  type SipDomainPolicy,
} from './policy-types.ts';
import { checkSipDomain } from './validators.ts';

/** Every key of public/managed-schema.json; a unit test keeps the two in step. */
export const POLICY_KEYS = [...Object.keys(FIELDS), 'sipDomain', 'unlockedSettings'];

const isRecord = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw);

function parseUnlocked(raw: unknown, report: Report): Set<string> {
  const unlocked = new Set<string>();
  if (raw === undefined) return unlocked;
  if (!Array.isArray(raw)) {
    report({ key: 'unlockedSettings', reason: 'wrongType' });
    return unlocked;
  }
  for (const name of raw as unknown[]) {
    const known = typeof name === 'string' && name !== 'unlockedSettings';
    if (known && POLICY_KEYS.includes(name)) unlocked.add(name);
    else report({ key: 'unlockedSettings', reason: 'unknownKey', value: preview(name) });
  }
  return unlocked;
}

function parseSipDomain(
  raw: unknown,
  values: Partial<Settings>,
  locked: boolean,
  report: Report,
): SipDomainPolicy | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') return void report({ key: 'sipDomain', reason: 'wrongType' });

  const result = checkSipDomain(raw);
  if (!result.ok) {
    return void report({ key: 'sipDomain', reason: result.code, value: preview(raw) });
  }

  // A whole SIP address in the same policy wins; a different domain there is a contradiction.
  const uriDomain = values.sipUri?.split('@')[1];
  if (uriDomain !== undefined && uriDomain !== result.value) {
    return void report({ key: 'sipDomain', reason: 'conflict', value: preview(raw) });
  }
  return { name: result.value, locked };
}

export function parsePolicy(raw: unknown): Policy {
  if (!isRecord(raw) || Object.keys(raw).length === 0) return EMPTY_POLICY;

  const ignored: PolicyIssue[] = [];
  const report: Report = (issue) => ignored.push(issue);
  const unlocked = parseUnlocked(raw.unlockedSettings, report);
  const values: Partial<Settings> = {};
  const locked: SettingKey[] = [];

  for (const [key, value] of Object.entries(raw)) {
    if (key === 'unlockedSettings' || key === 'sipDomain') continue;
    const field = Object.hasOwn(FIELDS, key) ? FIELDS[key] : undefined;
    if (!field) {
      report({ key, reason: 'unknownKey' });
      continue;
    }
    const fragment = field(value, key, report);
    if (!fragment) continue;
    Object.assign(values, fragment);
    if (!unlocked.has(key)) locked.push(...(Object.keys(fragment) as SettingKey[]));
  }

  const sipDomain = parseSipDomain(raw.sipDomain, values, !unlocked.has('sipDomain'), report);
  return sipDomain ? { values, locked, sipDomain, ignored } : { values, locked, ignored };
}
