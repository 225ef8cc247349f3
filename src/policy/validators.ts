/**
 * Checks for the meaning of single policy values. Each returns the normalised value or the
 * reason it cannot be used; none throws.
 */
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { PolicyReason } from './policy-types.ts';

export type Check<T> = { ok: true; value: T } | { ok: false; reason: PolicyReason };

const ok = <T>(value: T): Check<T> => ({ ok: true, value });
const fail = <T>(reason: PolicyReason): Check<T> => ({ ok: false, reason });

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * A DNS host name (RFC 1123 labels, ASCII: internationalised names in their `xn--` form).
 * `minLabels` 2 refuses single-label names such as `intranet`.
 */
export function checkHostName(input: string, minLabels = 1): Check<string> {
  const host = input.trim().toLowerCase().replace(/\.$/, '');
  if (host === '') return fail('empty');
  if (/[/:@?#]/.test(host)) return fail('hostOnly');
  if (host.length > 253) return fail('tooLong');

  const labels = host.split('.');
  if (labels.length < minLabels || !labels.every((l) => LABEL.test(l))) return fail('invalidHost');
  // An all-digit top label is an IP address or a typo, never a DNS name.
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return fail('invalidHost');
  return ok(host);
}

/**
 * A CRM host name, optionally with a wildcard: `*.` as the whole first label only, in front of
 * at least two labels, so `*.example.com` is allowed and `*.com` or `crm*.example.com` are not.
 */
export function checkHostPattern(input: string): Check<string> {
  const pattern = input.trim().toLowerCase();
  if (pattern.startsWith('*.')) {
    const rest = checkHostName(pattern.slice(2), 2);
    return rest.ok ? ok(`*.${rest.value}`) : rest;
  }
  if (pattern.includes('*')) return fail('badWildcard');
  return checkHostName(pattern, 2);
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host)
  );
}

/**
 * The SIP over WebSocket server (RFC 7118). `wss://` only, except `ws://` to a loopback
 * address: a fleet policy pointing at plain `ws://` would carry digest responses and the
 * SDP, including the DTLS fingerprints that protect the media keys, unencrypted across the
 * network. A local test server is the one place plain WebSocket is harmless.
 */
export function checkServerUrl(input: string): Check<string> {
  const text = input.trim();
  if (text === '') return fail('empty');

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('invalidUrl');
  }
  if (url.username || url.password || url.hash) return fail('invalidUrl');
  if (url.protocol === 'wss:') return ok(text);
  if (url.protocol === 'ws:') return isLoopback(url.hostname) ? ok(text) : fail('insecureUrl');
  return fail('invalidUrl');
}

const SIP_URI = /^(sips?):([A-Za-z0-9\-_.!~*'()&=+$,;?/%]+)@([^@;?\s]+)$/i;

/** An address of record, `sip:user@domain` (RFC 3261 §19.1), without parameters. */
export function checkSipUri(input: string): Check<string> {
  const match = SIP_URI.exec(input.trim());
  if (!match) return fail('invalidSipUri');

  const [, scheme = 'sip', user = '', hostText = ''] = match;
  const host = IPV4.test(hostText) ? ok(hostText) : checkHostName(hostText);
  if (!host.ok) return fail('invalidSipUri');
  return ok(`${scheme.toLowerCase()}:${user}@${host.value}`);
}

/** A SIP domain: a host name or an IPv4 address. */
export function checkSipDomain(input: string): Check<string> {
  const text = input.trim();
  return IPV4.test(text) ? ok(text) : checkHostName(text);
}

/** ISO 3166-1 alpha-2, limited to the regions libphonenumber-js has numbering data for. */
export function checkCountry(input: string): Check<string> {
  const code = input.trim().toUpperCase();
  if (code === '') return fail('empty');
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code) ? ok(code) : fail('unknownCountry');
}

/** Digits a PBX needs for an outside line; empty means none. */
export function checkPrefix(input: string): Check<string> {
  const digits = input.trim();
  if (!/^\d*$/.test(digits)) return fail('notDigits');
  return digits.length > 8 ? fail('tooLong') : ok(digits);
}

/** How the PBX wants the international prefix: `+` as such, or its digits (`00`, `011`). */
export function checkInternationalPrefix(input: string): Check<string> {
  const text = input.trim();
  if (text === '+') return ok(text);
  return /^\d{1,4}$/.test(text) ? ok(text) : fail('notIntlPrefix');
}

/**
 * A label that marks the digits after it as no phone number (src/numbers/labels.ts): words of
 * letters and digits, with dots, dashes and a `*` for "any ending". Lower-cased, as matched.
 */
export function checkIgnoreLabel(input: string): Check<string> {
  const label = input.trim().toLowerCase();
  if (label === '') return fail('empty');
  if (label.length > 60) return fail('tooLong');
  return /^[\p{L}\p{N} .*-]+$/u.test(label) ? ok(label) : fail('invalidLabel');
}

export function checkOneOf<T extends string>(input: string, allowed: readonly T[]): Check<T> {
  const value = allowed.find((a) => a === input.trim());
  return value === undefined ? fail('notAllowed') : ok(value);
}

export function checkRange(input: number, min: number, max: number): Check<number> {
  return Number.isInteger(input) && input >= min && input <= max ? ok(input) : fail('outOfRange');
}

/** A token or name: printable ASCII without spaces; empty allowed (locks "none"). */
export function checkToken(input: string, maxLength: number): Check<string> {
  const text = input.trim();
  if (text.length > maxLength) return fail('tooLong');
  return /^[\x21-\x7e]*$/.test(text) ? ok(text) : fail('notAllowed');
}

/** Free text such as a display name: no control characters. */
export function checkText(input: string, maxLength: number): Check<string> {
  const text = input.trim();
  if (text.length > maxLength) return fail('tooLong');
  // eslint-disable-next-line no-control-regex -- the point is to refuse control characters
  return /[\u0000-\u001f\u007f]/.test(text) ? fail('notAllowed') : ok(text);
}

/** A phone number in international form, normalised to E.164. */
export function checkInternationalNumber(input: string): Check<string> {
  const text = input.trim();
  if (text === '') return fail('empty');
  const parsed = text.startsWith('+') ? parsePhoneNumberFromString(text) : undefined;
  return parsed?.isPossible() ? ok(parsed.number) : fail('notAllowed');
}
