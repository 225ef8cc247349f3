/**
 * The SIP account the engine registers with, and its validation. Free of sip.js on purpose:
 * the rules are plain string checks, so they could move to the core if the options page needs
 * them before the engine sees the settings.
 */

export interface IceServerSettings {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export interface AccountSettings {
  /** SIP over WebSocket server (RFC 7118), `wss://` or `ws://`. */
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

export interface AccountError {
  field: keyof AccountSettings;
  message: string;
}

export type AccountValidation =
  { ok: true; account: AccountSettings } | { ok: false; errors: AccountError[] };

export const MIN_REGISTER_EXPIRES = 5;
export const MAX_REGISTER_EXPIRES = 86_400;

// RFC 3261 section 25.1: user part characters, without the ones that break header syntax.
const SIP_URI =
  /^sips?:([A-Za-z0-9\-_.!~*'()&=+$,;?/%]+)@([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;
const ICE_URL = /^(stuns?|turns?):[^\s]+$/;
// Quotes, backslashes and control characters would break the quoted display name in From.
const UNSAFE_DISPLAY = /["\\\p{Cc}]/u;
const CONTROL = /\p{Cc}/u;

function checkServer(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'The server address is required.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'The server must be a ws:// or wss:// URL.';
  }
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') {
    return 'The server must be a ws:// or wss:// URL.';
  }
  if (!url.hostname) return 'The server URL has no host.';
  return undefined;
}

function checkSipUri(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'The SIP URI is required.';
  if (!SIP_URI.test(value)) return 'The SIP URI must look like sip:user@domain.';
  return undefined;
}

function checkIceServers(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return 'ICE servers must be a list.';
  for (const server of value as unknown[]) {
    if (typeof server !== 'object' || server === null) return 'Each ICE server needs urls.';
    const { urls, username, credential } = server as Record<string, unknown>;
    const list = typeof urls === 'string' ? [urls] : urls;
    if (!Array.isArray(list) || list.length === 0) return 'Each ICE server needs urls.';
    for (const url of list as unknown[]) {
      if (typeof url !== 'string' || !ICE_URL.test(url)) {
        return `ICE server URL "${String(url).slice(0, 80)}" must start with stun: or turn:.`;
      }
      const isTurn = url.startsWith('turn');
      if (isTurn && (typeof username !== 'string' || typeof credential !== 'string')) {
        return 'A TURN server needs a username and a credential.';
      }
    }
  }
  return undefined;
}

function checkOptionalText(value: unknown, label: string, max: number, bad: RegExp) {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') return `${label} must be text.`;
  if (value.length > max) return `${label} is longer than ${max} characters.`;
  if (bad.test(value)) return `${label} contains characters that are not allowed.`;
  return undefined;
}

function checkExpires(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const ok =
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= MIN_REGISTER_EXPIRES &&
    value <= MAX_REGISTER_EXPIRES;
  if (ok) return undefined;
  return `The registration expiry must be a whole number of seconds between ${MIN_REGISTER_EXPIRES} and ${MAX_REGISTER_EXPIRES}.`;
}

/** Refuses invalid settings with one message per field at fault; never throws. */
export function validateAccount(input: Partial<AccountSettings>): AccountValidation {
  const checks: [keyof AccountSettings, string | undefined][] = [
    ['server', checkServer(input.server)],
    ['sipUri', checkSipUri(input.sipUri)],
    [
      'authorizationUser',
      checkOptionalText(input.authorizationUser, 'The authorization user', 128, /[\s"\\]|\p{Cc}/u),
    ],
    [
      'password',
      typeof input.password === 'string' && input.password !== ''
        ? checkOptionalText(input.password, 'The password', 256, CONTROL)
        : 'The password is required.',
    ],
    ['displayName', checkOptionalText(input.displayName, 'The display name', 100, UNSAFE_DISPLAY)],
    ['iceServers', checkIceServers(input.iceServers)],
    ['registerExpires', checkExpires(input.registerExpires)],
  ];
  const errors = checks
    .filter((check): check is [keyof AccountSettings, string] => check[1] !== undefined)
    .map(([field, message]) => ({ field, message }));
  if (errors.length > 0) return { ok: false, errors };

  const account: AccountSettings = {
    server: (input.server ?? '').trim(),
    sipUri: (input.sipUri ?? '').trim(),
    password: input.password ?? '',
  };
  if (input.authorizationUser) account.authorizationUser = input.authorizationUser;
  if (input.displayName) account.displayName = input.displayName;
  if (input.iceServers) account.iceServers = input.iceServers;
  if (input.registerExpires !== undefined) account.registerExpires = input.registerExpires;
  return { ok: true, account };
}

/** The domain part of the account's SIP URI: where bare numbers are dialled. */
export function accountDomain(account: AccountSettings): string {
  const match = SIP_URI.exec(account.sipUri);
  return match?.[2] ?? '';
}
