/**
 * Checks for the meaning of single policy values. The account and dialling fields use the
 * shared field checks (src/settings/checks), so a policy never locks a value the options page
 * or the engine would refuse; the checks here are for keys only a policy sets this way. Each
 * returns the normalised value or the reason it cannot be used; none throws.
 */
import { checkHost, checkHostName, isIpv4 } from '../settings/checks/host.ts';
import type { PolicyReason } from './policy-types.ts';

export {
  checkHostName,
  checkHostPattern,
  checkOrgHost,
  extraHostChecker,
} from '../settings/checks/host.ts';
export {
  checkAuthorizationUser,
  checkDisplayName,
  checkPassword,
  checkRegisterExpires,
  checkServerUrl,
  checkSipUri,
  checkToken,
} from '../settings/checks/account-checks.ts';
export {
  checkCountry,
  checkIgnoreLabel,
  checkInternationalPrefix,
  checkOutsideLinePrefix,
  checkOwnNumber,
} from '../settings/checks/dialling-checks.ts';

export type Check<T> =
  { ok: true; value: T } | { ok: false; code: PolicyReason; params?: string[] };

const ok = <T>(value: T): Check<T> => ({ ok: true, value });
const fail = <T>(code: PolicyReason): Check<T> => ({ ok: false, code });

/** A SIP domain: a host name or an IP address, without port. */
export function checkSipDomain(input: string): Check<string> {
  const text = input.trim();
  return isIpv4(text) || text.startsWith('[') ? checkHost(text) : checkHostName(text);
}

export function checkOneOf<T extends string>(input: string, allowed: readonly T[]): Check<T> {
  const value = allowed.find((a) => a === input.trim());
  return value === undefined ? fail('notAllowed') : ok(value);
}
