/**
 * One parser per policy key of public/managed-schema.json. A parser turns the raw value into
 * the settings it sets, reporting what it cannot use. Lists keep their valid entries and
 * report the others one by one, so one typo does not cost an admin the whole list.
 */
import type { CrmName } from '../protocol/phone-state.ts';
import { MAX_LABELS, MAX_OWN_NUMBERS } from '../settings/checks/dialling-checks.ts';
import { checkIceServer } from '../settings/checks/ice-checks.ts';
import type { IceServer, Settings } from '../settings/settings.ts';
import type { PolicyIssue, PolicyReason } from './policy-types.ts';
import * as v from './validators.ts';

export type Report = (issue: PolicyIssue) => void;
type Field = (raw: unknown, key: string, report: Report) => Partial<Settings> | undefined;

export const CRMS: readonly CrmName[] = ['salesforce', 'hubspot', 'zendesk'];

/** A short, printable echo of a bad value for the options page. */
export function preview(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function text(
  check: (input: string) => v.Check<string>,
  apply: (value: string) => Partial<Settings>,
  secret = false,
): Field {
  return (raw, key, report) => {
    if (typeof raw !== 'string') return void report({ key, reason: 'wrongType' });
    const result = check(raw);
    if (result.ok) return apply(result.value);
    const issue = issueOf(key, result);
    report(secret ? issue : { ...issue, value: preview(raw) });
  };
}

function flag(apply: (value: boolean) => Partial<Settings>): Field {
  return (raw, key, report) => {
    if (typeof raw === 'boolean') return apply(raw);
    report({ key, reason: 'wrongType', value: preview(raw) });
  };
}

/** The issue for a refused value; its echo, if any, is added by the caller. */
function issueOf(key: string, refusal: { code: PolicyReason; params?: string[] }): PolicyIssue {
  const { code, params } = refusal;
  return params ? { key, reason: code, params } : { key, reason: code };
}

/** Valid entries of a list, each bad one reported as `key[index]`. */
function entries<T>(raw: unknown, key: string, report: Report, check: (e: unknown) => v.Check<T>) {
  if (!Array.isArray(raw)) return void report({ key, reason: 'wrongType' });
  const kept: T[] = [];
  raw.forEach((entry: unknown, index) => {
    const result = check(entry);
    if (result.ok) kept.push(result.value);
    else report({ ...issueOf(`${key}[${index}]`, result), value: preview(entry) });
  });
  return kept;
}

const asString =
  <T>(check: (s: string) => v.Check<T>) =>
  (entry: unknown): v.Check<T> =>
    typeof entry === 'string' ? check(entry) : { ok: false, code: 'wrongType' };

const iceServers: Field = (raw, key, report) => {
  const servers: IceServer[] = [];
  if (!Array.isArray(raw)) return void report({ key, reason: 'wrongType' });
  raw.forEach((entry: unknown, index) => {
    const result = checkIceServer(entry);
    // No value echoed: an entry may hold a TURN credential.
    if (result.ok) servers.push(result.value);
    else report(issueOf(`${key}[${index}]`, result));
  });
  // A list whose every entry was bad is not applied; an empty list is a choice.
  return servers.length > 0 || raw.length === 0 ? { iceServers: servers } : undefined;
};

const enabledCrms: Field = (raw, key, report) => {
  const names = entries(
    raw,
    key,
    report,
    asString((s) => v.checkOneOf(s, CRMS)),
  );
  if (!names || (names.length === 0 && Array.isArray(raw) && raw.length > 0)) return undefined;
  const crmEnabled = Object.fromEntries(CRMS.map((c) => [c, names.includes(c)]));
  return { crmEnabled: crmEnabled as Record<CrmName, boolean> };
};

/** CRMs the policy leaves out get no hosts of this kind: the policy states the whole list. */
const hostsPerCrm =
  (name: 'extraHosts' | 'orgHosts'): Field =>
  (raw, key, report) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return void report({ key, reason: 'wrongType' });
    }
    const result: Record<CrmName, string[]> = { salesforce: [], hubspot: [], zendesk: [] };
    const extraHost = v.extraHostChecker();
    for (const [crm, list] of Object.entries(raw)) {
      if (!CRMS.includes(crm as CrmName)) {
        report({ key: `${key}.${crm}`, reason: 'unknownKey' });
        continue;
      }
      const check =
        name === 'orgHosts'
          ? (host: string) => v.checkOrgHost(crm as CrmName, host)
          : (host: string) => extraHost(crm as CrmName, host);
      result[crm as CrmName] = entries(list, `${key}.${crm}`, report, asString(check)) ?? [];
    }
    return { [name]: result };
  };

/**
 * A list the policy sets whole: its valid entries, or nothing when it is too long or every
 * entry is bad (an empty list given as such is a choice, e.g. no filter words).
 */
function wholeList<T>(
  raw: unknown,
  key: string,
  report: Report,
  max: number,
  check: (s: string) => v.Check<T>,
): T[] | undefined {
  if (Array.isArray(raw) && raw.length > max) {
    return void report({ key, reason: 'tooMany', params: [String(max)] });
  }
  const kept = entries(raw, key, report, asString(check));
  if (!kept || (kept.length === 0 && Array.isArray(raw) && raw.length > 0)) return undefined;
  return kept;
}

/** The policy's list replaces the built-in one. */
const numberIgnoreLabels: Field = (raw, key, report) => {
  const labels = wholeList(raw, key, report, MAX_LABELS, v.checkIgnoreLabel);
  return labels && { numberIgnoreLabels: labels };
};

export const FIELDS: Record<string, Field> = {
  sipServer: text(v.checkServerUrl, (sipServer) => ({ sipServer })),
  sipUri: text(v.checkSipUri, (sipUri) => ({ sipUri })),
  authorizationUser: text(v.checkAuthorizationUser, (authorizationUser) => ({
    authorizationUser,
  })),
  // An empty password would lock a field the agent then cannot fill: it is ignored instead.
  password: text(v.checkPassword, (password) => ({ password }), true),
  displayName: text(v.checkDisplayName, (displayName) => ({ displayName })),
  registerExpires: (raw, key, report) => {
    if (typeof raw !== 'number')
      return void report({ key, reason: 'wrongType', value: preview(raw) });
    const result = v.checkRegisterExpires(raw);
    if (result.ok) return { registerExpires: result.value };
    report({ ...issueOf(key, result), value: preview(raw) });
  },
  iceServers,
  defaultCountry: text(v.checkCountry, (defaultCountry) => ({ defaultCountry })),
  outsideLinePrefix: text(v.checkOutsideLinePrefix, (outsideLinePrefix) => ({ outsideLinePrefix })),
  dialFormat: text(
    (s) => v.checkOneOf(s, ['national', 'international'] as const),
    (value) => ({ dialFormat: value as Settings['dialFormat'] }),
  ),
  internationalPrefix: text(v.checkInternationalPrefix, (internationalPrefix) => ({
    internationalPrefix,
  })),
  detectNumbers: flag((detectNumbers) => ({ detectNumbers })),
  numberIgnoreLabels,
  enabledCrms,
  extraHosts: hostsPerCrm('extraHosts'),
  orgHosts: hostsPerCrm('orgHosts'),
  hubspotToken: text(v.checkToken, (hubspotToken) => ({ hubspotToken }), true),
  screenPop: text(
    (s) => v.checkOneOf(s, ['never', 'ring', 'answer'] as const),
    (value) => ({ screenPop: value as Settings['screenPop'] }),
  ),
  callWaiting: flag((callWaiting) => ({ callWaiting })),
  ownNumbers: (raw, key, report) => {
    const numbers = wholeList(raw, key, report, MAX_OWN_NUMBERS, v.checkOwnNumber);
    return numbers && { ownNumbers: numbers };
  },
};
