/**
 * The SIP account's fields, checked the same way by the settings store, the options form, the
 * admin policy parser and the engine. Where the engine's rule is what sip.js or the PBX needs,
 * it is the rule here, so nothing is saved or locked that registration would refuse.
 */
import { checkHost, isLoopback, isPort } from './host.ts';
import { fail, ok, showChar, type Checked } from './problem.ts';

export const MAX_DISPLAY_NAME = 100;
export const MAX_AUTHORIZATION_USER = 128;
export const MAX_PASSWORD = 256;
export const MIN_REGISTER_EXPIRES = 60;
export const MAX_REGISTER_EXPIRES = 86_400;

const firstMatch = (text: string, re: RegExp): string | undefined => re.exec(text)?.[0];

/** Why `new URL` refused a ws(s) address, in the terms the agent can fix. */
function diagnoseUrl(text: string): Checked<string> {
  const authority = /^wss?:\/\/([^/?#]*)/i.exec(text)?.[1];
  if (authority === undefined) return fail('invalidUrl');
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const port = /:([^:\]]*)$/.exec(hostPort)?.[1];
  if (hostPort === '' || hostPort.startsWith(':')) return fail('missingHost');
  if (port !== undefined && !isPort(port)) return fail('invalidPort', port);
  return fail('invalidUrl');
}

/**
 * The SIP over WebSocket server (RFC 7118): `wss://`, or `ws://` to this computer only. Plain
 * `ws://` across a network would carry digest responses and the SDP, with the DTLS
 * fingerprints that protect the media keys, unencrypted; a local test server is the one place
 * it is harmless.
 */
export function checkServerUrl(input: string): Checked<string> {
  const text = input.trim();
  if (text === '') return fail('required');
  // Checked on the text as typed: URL would percent-encode a space into the host name.
  const space = /^[a-z]+:\/\/[^/?#]*?(\s)/i.exec(text)?.[1];
  if (space !== undefined) return fail('invalidChars', showChar(space));

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return diagnoseUrl(text);
  }
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') return fail('invalidUrl');
  if (url.username || url.password) return fail('urlCredentials');
  if (url.hash || text.endsWith('#')) return fail('urlFragment');
  if (url.hostname === '') return fail('missingHost');
  if (url.port !== '' && !isPort(url.port)) return fail('invalidPort', url.port);

  const host = checkHost(url.hostname);
  if (!host.ok) return host;
  if (url.protocol === 'ws:' && !isLoopback(url.hostname)) return fail('insecureUrl');
  return ok(serverUrl(url, text));
}

/**
 * The address as the URL parser read it, which sip.js's own stricter parser also takes: scheme
 * lower-cased, an internationalised host in its `xn--` form, `10.1` as `10.0.0.1`, no trailing
 * dot, non-ASCII in path and query percent-encoded. A path is added only if one was typed.
 */
function serverUrl(url: URL, typed: string): string {
  const host = url.hostname.replace(/\.$/, '');
  const port = url.port ? `:${url.port}` : '';
  const typedPath = /^[a-z]+:\/\/[^/?]*[/?]/i.test(typed);
  const path = url.pathname === '/' && !typedPath ? '' : url.pathname;
  return `${url.protocol}//${host}${port}${path}${url.search}`;
}

// RFC 3261 §25.1 user part: unreserved, escaped and user-unreserved characters.
const USER_CHAR = /[A-Za-z0-9\-_.!~*'()&=+$,;?/%]/;

function checkUserPart(user: string): Checked<string> {
  const bad = [...user].find((c) => !USER_CHAR.test(c));
  if (bad !== undefined) return fail('invalidChars', showChar(bad));
  if (/%(?![0-9a-f]{2})/i.test(user)) return fail('invalidChars', '%');
  return ok(user);
}

/**
 * An address of record, `sip:user@host` or `sips:`, with an optional port and without URI
 * parameters (RFC 3261 §19.1): sip.js builds From, To and Contact from it. The scheme and host
 * come back lower-cased, the user part as typed.
 */
export function checkSipUri(input: string): Checked<string> {
  const text = input.trim();
  if (text === '') return fail('required');

  const match = /^(sips?):([^@]*)@(.*)$/i.exec(text);
  const [, scheme = '', user = '', hostPart = ''] = match ?? [];
  if (!match || user === '' || hostPart === '' || hostPart.includes('@')) {
    return fail('invalidSipUri');
  }
  if (/[;?]/.test(hostPart)) return fail('sipUriParams');

  const userPart = checkUserPart(user);
  if (!userPart.ok) return userPart;
  const [, hostText = '', port] = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(hostPart) ?? [];
  // `sip:1001@wss://pbx…` or `…:5061>`: no port at all, the address is mistyped.
  if (port !== undefined && !/^\d+$/.test(port)) return fail('invalidSipUri');
  if (port !== undefined && !isPort(port)) return fail('invalidPort', port);
  const host = checkHost(hostText);
  if (!host.ok) return host.code === 'required' ? fail('invalidSipUri') : host;

  const portText = port === undefined ? '' : `:${port}`;
  return ok(`${scheme.toLowerCase()}:${user}@${host.value}${portText}`);
}

/** The host (with port) of a SIP URI that passed `checkSipUri`: where bare numbers go. */
export function sipUriDomain(uri: string): string {
  return uri.slice(uri.indexOf('@') + 1);
}

function checkFreeText(input: string, max: number, bad: RegExp): Checked<string> {
  if (input.length > max) return fail('tooLong', max);
  const char = firstMatch(input, bad);
  return char === undefined ? ok(input) : fail('invalidChars', showChar(char));
}

/**
 * The name in From, optional. Quotes and backslashes are fine: the engine escapes them in the
 * quoted-string (RFC 3261 §25.1, quoted-pair); control characters would break the header.
 */
export const checkDisplayName = (input: string): Checked<string> =>
  checkFreeText(input.trim(), MAX_DISPLAY_NAME, /\p{Cc}/u);

/**
 * The digest user name, optional. sip.js writes it into `username="…"` unescaped (RFC 2617),
 * so quotes, backslashes and white space cannot be sent.
 */
export const checkAuthorizationUser = (input: string): Checked<string> =>
  checkFreeText(input.trim(), MAX_AUTHORIZATION_USER, /[\s"\\]|\p{Cc}/u);

/** The SIP password: required where it is used (engine, policy); never trimmed. */
export function checkPassword(input: string): Checked<string> {
  if (input === '') return fail('required');
  return checkFreeText(input, MAX_PASSWORD, /\p{Cc}/u);
}

/** Seconds asked for in REGISTER's Expires; `min` lower only for the engine's own tests. */
export function checkRegisterExpires(value: number, min = MIN_REGISTER_EXPIRES): Checked<number> {
  const inRange = Number.isInteger(value) && value >= min && value <= MAX_REGISTER_EXPIRES;
  return inRange ? ok(value) : fail('outOfRange', min, MAX_REGISTER_EXPIRES);
}

export const MAX_TOKEN_LENGTH = 512;

/** An API token (HubSpot's private-app token): printable ASCII without spaces; empty: none. */
export function checkToken(input: string): Checked<string> {
  const token = input.trim();
  if (token.length > MAX_TOKEN_LENGTH) return fail('tooLong', MAX_TOKEN_LENGTH);
  const bad = /[^\x21-\x7e]/.exec(token)?.[0];
  return bad === undefined ? ok(token) : fail('invalidChars', showChar(bad));
}
