/**
 * Checks a settings change from a view before it is stored: every key must be known and of
 * its default's type, and each value must pass the shared field checks (src/settings/checks),
 * the same the options form, the policy parser and the engine use. Values are stored as the
 * checks normalise them (`de` → `DE`), so what is stored is what dialling and the engine read.
 */
import { t } from '../core/i18n.ts';
import type { FieldError } from '../protocol/messages.ts';
import type { CrmName } from '../protocol/phone-state.ts';
import {
  checkAuthorizationUser,
  checkDisplayName,
  checkPassword,
  checkRegisterExpires,
  checkServerUrl,
  checkSipUri,
  checkToken,
} from './checks/account-checks.ts';
import {
  checkCountry,
  checkIgnoreLabel,
  checkInternationalPrefix,
  checkOutsideLinePrefix,
  checkOwnNumber,
  MAX_LABELS,
  MAX_OWN_NUMBERS,
} from './checks/dialling-checks.ts';
import { checkOrgHost, extraHostChecker } from './checks/host.ts';
import { checkIceServer } from './checks/ice-checks.ts';
import { describeProblem, fail, ok, type Checked } from './checks/problem.ts';
import { DEFAULT_SETTINGS, type SettingKey, type Settings } from './settings.ts';

/** A check of a value already known to have its default's type; `false` means "not valid". */
type Rule = (value: never) => Checked<unknown> | boolean;

const CRMS = Object.keys(DEFAULT_SETTINGS.crmEnabled);

/** Empty means "not set" for the account's address fields. */
const optional =
  (check: (text: string) => Checked<string>) =>
  (value: string): Checked<string> =>
    value === '' ? ok(value) : check(value);

/** Every entry through `check`; the first refusal answers for the list. */
function list<T>(values: unknown[], check: (entry: unknown) => Checked<T>, max: number) {
  if (values.length > max) return fail<T[]>('tooMany', max);
  const kept: T[] = [];
  for (const value of values) {
    const result = check(value);
    if (!result.ok) return result;
    kept.push(result.value);
  }
  return ok(kept);
}

/** Entries that read as the same value once checked are kept once (`0049 30 …`, `+49 30 …`). */
const unique = <T>(checked: Checked<T[]>): Checked<T[]> =>
  checked.ok ? ok([...new Set(checked.value)]) : checked;

const asText =
  <T>(check: (text: string) => Checked<T>) =>
  (value: unknown): Checked<T> =>
    typeof value === 'string' ? check(value) : fail('invalidChars');

function perCrm<T>(value: object, item: (v: unknown, crm: string) => Checked<T> | boolean) {
  const entries = Object.entries(value);
  const known = entries.length === CRMS.length && entries.every(([k]) => CRMS.includes(k));
  if (!known) return false;
  const out: Record<string, unknown> = {};
  for (const [crm, entry] of entries) {
    const result = item(entry, crm);
    if (result === false) return false;
    if (typeof result === 'object' && !result.ok) return result;
    out[crm] = typeof result === 'object' ? result.value : entry;
  }
  return ok(out);
}

const oneOf =
  (...options: string[]) =>
  (value: string) =>
    options.includes(value);

/** Format rules beyond the type; keys not listed need only the right type. */
const RULES: Partial<Record<SettingKey, Rule>> = {
  sipServer: optional(checkServerUrl),
  sipUri: optional(checkSipUri),
  authorizationUser: checkAuthorizationUser,
  password: optional(checkPassword),
  displayName: checkDisplayName,
  registerExpires: (value: number) => checkRegisterExpires(value),
  defaultCountry: checkCountry,
  outsideLinePrefix: checkOutsideLinePrefix,
  dialFormat: oneOf('national', 'international'),
  internationalPrefix: checkInternationalPrefix,
  numberIgnoreLabels: (value: unknown[]) => list(value, asText(checkIgnoreLabel), MAX_LABELS),
  screenPop: oneOf('never', 'ring', 'answer'),
  ownNumbers: (value: unknown[]) => unique(list(value, asText(checkOwnNumber), MAX_OWN_NUMBERS)),
  hubspotToken: checkToken,
  iceServers: (value: unknown[]) => list(value, checkIceServer, Infinity),
  crmEnabled: (value: object) => perCrm(value, (x) => typeof x === 'boolean'),
  extraHosts: (value: object) => hostsPerCrm(value),
  orgHosts: (value: object) => orgHostsPerCrm(value),
};

function hostsPerCrm(value: object) {
  const check = extraHostChecker();
  return perCrm(value, (x, crm) => {
    const one = (host: string) => check(crm as CrmName, host);
    return Array.isArray(x) && list(x, asText(one), Infinity);
  });
}

function orgHostsPerCrm(value: object) {
  return perCrm(value, (x, crm) => {
    const check = (host: string) => checkOrgHost(crm as CrmName, host);
    return Array.isArray(x) && list(x, asText(check), Infinity);
  });
}

function sameType(key: SettingKey, value: unknown): boolean {
  const reference = DEFAULT_SETTINGS[key];
  if (Array.isArray(reference)) return Array.isArray(value);
  return typeof value === typeof reference && value !== null;
}

export interface CheckedChanges {
  patch: Partial<Settings>;
  errors: FieldError[];
}

/** The value to store, or the error to report, for one known key. */
function checkValue(key: SettingKey, value: unknown): { value: unknown } | FieldError {
  const invalid = { field: key, message: t('settingsInvalidValue') };
  if (!sameType(key, value)) return invalid;
  const rule = RULES[key] as ((value: unknown) => Checked<unknown> | boolean) | undefined;
  const result = rule ? rule(value) : true;
  if (result === true) return { value };
  if (result === false) return invalid;
  if (result.ok) return { value: result.value };

  const { code, params } = result;
  const message = describeProblem(result, t);
  return params ? { field: key, message, code, params } : { field: key, message, code };
}

export function checkSettingsChanges(changes: Record<string, unknown>): CheckedChanges {
  const patch: Record<string, unknown> = {};
  const errors: FieldError[] = [];

  for (const [key, value] of Object.entries(changes)) {
    if (!Object.hasOwn(DEFAULT_SETTINGS, key)) {
      errors.push({ field: key, message: t('settingsUnknownKey') });
      continue;
    }
    const checked = checkValue(key as SettingKey, value);
    if ('field' in checked) errors.push(checked);
    else patch[key] = checked.value;
  }

  return { patch, errors };
}

const overlapping = (result: Checked<string>) =>
  !result.ok && (result.code === 'hostTwice' || result.code === 'hostOverlap');

/**
 * What storage holds, checked on the way out. Entries written under older, looser rules are
 * left out one by one instead of the whole setting falling back to its default: filter labels
 * with digits or a `*` inside a word (they never matched anything; a list with none left gets
 * the built-in labels, not none), and an extra host that shares hosts with another CRM's.
 */
export function checkStoredSettings(stored: Record<string, unknown>): CheckedChanges {
  const cleaned = { ...stored };
  const labels = stored.numberIgnoreLabels;
  if (Array.isArray(labels)) {
    const kept = labels.filter((l) => typeof l === 'string' && checkIgnoreLabel(l).ok);
    if (kept.length === 0 && labels.length > 0) delete cleaned.numberIgnoreLabels;
    else cleaned.numberIgnoreLabels = kept;
  }
  const hosts = stored.extraHosts;
  if (typeof hosts === 'object' && hosts !== null && !Array.isArray(hosts)) {
    const check = extraHostChecker();
    cleaned.extraHosts = Object.fromEntries(
      Object.entries(hosts).map(([crm, list]) => [
        crm,
        Array.isArray(list)
          ? list.filter((h) => typeof h !== 'string' || !overlapping(check(crm as CrmName, h)))
          : list,
      ]),
    );
  }
  return checkSettingsChanges(cleaned);
}
