/**
 * The SIP account the engine registers with, and its validation with the shared field checks
 * (src/settings/checks). Free of sip.js: the rules are plain string checks.
 */
import {
  checkAuthorizationUser,
  checkDisplayName,
  checkPassword,
  checkRegisterExpires,
  checkServerUrl,
  checkSipUri,
} from '../settings/checks/account-checks.ts';
import { checkIceServer } from '../settings/checks/ice-checks.ts';
import type { AccountProblem } from '../protocol/phone-state.ts';
import { problemOf, type Checked } from '../settings/checks/problem.ts';

export interface IceServerSettings {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export interface AccountSettings {
  /** SIP over WebSocket server (RFC 7118), `wss://`, or `ws://` to this computer. */
  server: string;
  /** Address of record, `sip:user@domain`. */
  sipUri: string;
  /** Digest user name when it differs from the SIP URI's user part. */
  authorizationUser?: string;
  password: string;
  displayName?: string;
  iceServers?: IceServerSettings[];
  /** Seconds asked for in REGISTER's Expires; the registrar may grant less. */
  registerExpires?: number;
}

/** A field at fault: a code the views put in words (src/settings/checks/problem.ts). */
export type AccountError = AccountProblem;

export type AccountValidation =
  { ok: true; account: AccountSettings } | { ok: false; errors: AccountError[] };

/** Lower than the settings allow, so SIP tests can watch a re-registration within seconds. */
export const MIN_ENGINE_REGISTER_EXPIRES = 5;

type Check = (value: unknown) => Checked<unknown> | undefined;

/** A check for a text field; `undefined` (nothing to check) for an absent optional one. */
const textCheck =
  (check: (text: string) => Checked<string>, optional: boolean): Check =>
  (value) => {
    if (optional && (value === undefined || value === '')) return undefined;
    return typeof value === 'string' ? check(value) : check('');
  };

function checkIceServers(value: unknown): Checked<unknown> | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return checkIceServer(undefined);
  for (const server of value as unknown[]) {
    const result = checkIceServer(server);
    if (!result.ok) return result;
  }
  return undefined;
}

const CHECKS: [keyof AccountSettings, Check][] = [
  ['server', textCheck(checkServerUrl, false)],
  ['sipUri', textCheck(checkSipUri, false)],
  ['authorizationUser', textCheck(checkAuthorizationUser, true)],
  ['password', textCheck(checkPassword, false)],
  ['displayName', textCheck(checkDisplayName, true)],
  ['iceServers', checkIceServers],
  [
    'registerExpires',
    (value) =>
      value === undefined
        ? undefined
        : checkRegisterExpires(
            typeof value === 'number' ? value : NaN,
            MIN_ENGINE_REGISTER_EXPIRES,
          ),
  ],
];

/**
 * Refuses invalid settings with one problem per field at fault; never throws. The checks are
 * the ones the settings store, the options page and the policy parser use, so a value they
 * accept registers, and a refusal here is a code the views translate.
 */
export function validateAccount(input: Partial<AccountSettings>): AccountValidation {
  const errors: AccountError[] = [];
  for (const [field, check] of CHECKS) {
    const result = check(input[field]);
    if (result && !result.ok) errors.push({ field, ...problemOf(result) });
  }
  if (errors.length > 0) return { ok: false, errors };

  // As the checks normalised them: sip.js refuses `WSS://…` that the URL parser takes.
  const normalised = (check: (text: string) => Checked<string>, text = '') => {
    const result = check(text);
    return result.ok ? result.value : text.trim();
  };
  const account: AccountSettings = {
    server: normalised(checkServerUrl, input.server),
    sipUri: normalised(checkSipUri, input.sipUri),
    password: input.password ?? '',
  };
  if (input.authorizationUser) account.authorizationUser = input.authorizationUser;
  if (input.displayName) account.displayName = input.displayName;
  if (input.iceServers) account.iceServers = input.iceServers;
  if (input.registerExpires !== undefined) account.registerExpires = input.registerExpires;
  return { ok: true, account };
}

/** The host of the account's SIP URI, without port: where bare numbers are dialled. */
export function accountDomain(account: AccountSettings): string {
  const checked = checkSipUri(account.sipUri);
  if (!checked.ok) return '';
  const hostPort = checked.value.slice(checked.value.indexOf('@') + 1);
  return /^(\[[^\]]*\]|[^:]*)/.exec(hostPort)?.[1] ?? '';
}

/**
 * The display name as the content of From's quoted-string: sip.js puts it between quotes as
 * it is, so quotes and backslashes are escaped here as quoted-pairs (RFC 3261 §25.1).
 */
export const quotedDisplayName = (name: string): string => name.replace(/["\\]/g, '\\$&');
