/**
 * From an E.164 number to the digits the PBX wants, and the check every dial string passes
 * before it reaches the engine (the hub uses both; a page never builds a dial string itself).
 *
 * Rules, in order:
 * 1. Numbers in the default country go out in national form (trunk prefix + national number,
 *    `0301234567`; `12125550100` in the US) when `dialFormat` is `national`; everything else
 *    goes out internationally, with `+` or the digits `internationalPrefix` names (`00`, `011`);
 *    after an outside-line prefix the digits form is used, `+` being valid only first.
 * 2. `outsideLinePrefix` (e.g. `0`) is put in front of any number leaving the PBX.
 * 3. An extension (`x123`) is never appended: the far end's PBX asks for it after it answers,
 *    so it is returned separately as DTMF to send once the call is active. Appending digits
 *    would dial a different number; German direct-dial suffixes are already part of the E.164.
 */
import { OUTSIDE_LINE_PREFIX } from '../settings/checks/dialling-checks.ts';
import type { Settings } from '../settings/settings.ts';
import { readSuffix, splitExtension, SUFFIX_TEXT, withDirectDial } from './extension.ts';
import { linkTarget, valueTarget } from './link-target.ts';
import { callingCodeOf, isSupportedCountry, parseWithMetadata } from './phone-lib.ts';
import { parseSegment } from './parse-segment.ts';
import { normalizeText } from './normalize.ts';
import { nationalPrefixOf } from './plans.ts';

/** The settings dial rules read: the hub passes its effective settings. */
export type DialSettings = Pick<
  Settings,
  'defaultCountry' | 'dialFormat' | 'internationalPrefix' | 'outsideLinePrefix'
> &
  Partial<Pick<Settings, 'sipUri'>>;

/** A number for the PBX, or a SIP URI (from a page's `sip:` link) dialled as it is. */
export type DialPlan =
  | {
      kind: 'number';
      dialString: string;
      /** Digits to send as DTMF once the call is answered. */
      dtmfAfterAnswer?: string;
    }
  | { kind: 'uri'; uri: string };

export class DialStringError extends Error {
  override name = 'DialStringError';
}

/** Dial strings are digits, `*`, `#` and at most one leading `+`: nothing a PBX could misread. */
const DIAL_STRING = /^\+?[0-9*#]{1,32}$/;
export const MAX_DIAL_LENGTH = 32;

/** Throws DialStringError unless `value` is a safe dial string. */
export function validateDialString(value: string): string {
  if (!DIAL_STRING.test(value)) {
    throw new DialStringError(`not a dial string: ${JSON.stringify(value.slice(0, 40))}`);
  }
  return value;
}

/** The dial string for an E.164 number under the PBX's rules. */
export function toDialString(e164: string, settings: DialSettings): string {
  if (!/^\+[1-9]\d{1,14}$/.test(e164)) throw new DialStringError(`not E.164: ${e164}`);
  const prefix = OUTSIDE_LINE_PREFIX.test(settings.outsideLinePrefix)
    ? settings.outsideLinePrefix
    : '';
  const number = parseWithMetadata(e164, 'US');
  const home = countryOf(settings);
  // After an outside-line prefix a `+` is no longer first, so the digits form is used.
  const idd = settings.internationalPrefix === '+' && !prefix ? '+' : digitsPrefix(settings);
  // A number under the home calling code is national, also in another country sharing it
  // (Canada from the US, Jersey from the UK). Within the +1 area an international prefix
  // (011 1 …) is not dialable at all: there the digits form is always 1 + ten digits.
  const code = callingCodeOf(home);
  const national =
    number?.countryCallingCode === code &&
    (settings.dialFormat === 'national' || (code === '1' && idd !== '+'));
  if (national) {
    return validateDialString(prefix + nationalPrefixOf(home) + number.nationalNumber);
  }
  return validateDialString(prefix + idd + e164.slice(1));
}

function digitsPrefix(settings: DialSettings): string {
  return /^\d{1,4}$/.test(settings.internationalPrefix) ? settings.internationalPrefix : '00';
}

/**
 * A dial target from a page or view: E.164 with an optional `;ext=` (extension.ts), digits of
 * an internal extension (`123`, dialled untouched), a number as an agent types it, or a link's
 * href as a page holds it (`tel:…`, `callto:…`, `sip:…`). Throws DialStringError otherwise.
 */
export function planDial(target: string, settings: DialSettings): DialPlan {
  let value = target.trim();
  if (SIP.test(value)) return sipPlan(value, settings);
  if (LINK.test(value)) {
    const read = linkTarget(value, countryOf(settings));
    if (!read) throw new DialStringError('this link holds no number to dial');
    value = read;
  }
  const { number, extension } = splitExtension(value);
  return numberPlan(number, extension, settings);
}

const LINK = /^(tel|callto):/i;
const SIP = /^sips?:/i;
const SIP_USER = String.raw`[A-Za-z0-9._~!$&'()*+=%-]{1,64}`;
const SIP_HOST = String.raw`[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\]`;
const SIP_PARTS = new RegExp(
  String.raw`^(sips?):(${SIP_USER})@(${SIP_HOST})(:\d{1,5})?(?:[;?].*)?$`,
  'i',
);
const SEPARATORS = /[\s()./-]/g;
const TYPED_SUFFIX = new RegExp(String.raw`^(.*?\d)(${SUFFIX_TEXT})$`, 'i');

function countryOf(settings: DialSettings) {
  return isSupportedCountry(settings.defaultCountry) ? settings.defaultCountry : 'DE';
}

/**
 * A SIP URI, typed or from a page. A user part that is a public phone number goes through the
 * dial rules like any number (the PBX routes it); an internal number only when the host is the
 * agent's own domain. Anything else is dialled as the URI it is, scheme (`sips:`) and port
 * kept; URI parameters are dropped, as the engine chooses the transport itself.
 */
function sipPlan(value: string, settings: DialSettings): DialPlan {
  const parts = SIP_PARTS.exec(safeDecode(value));
  if (!parts) throw new DialStringError('not a SIP address to dial');
  const [, scheme = 'sip', user = '', host = '', port = ''] = parts;
  const asNumber = /^\+?[\d\s().-]+$/.test(user) ? valueTarget(user, countryOf(settings)) : null;
  const internal = asNumber !== null && !asNumber.startsWith('+');
  if (asNumber && (!internal || host.toLowerCase() === ownDomain(settings))) {
    return numberPlan(asNumber, undefined, settings);
  }
  return { kind: 'uri', uri: `${scheme.toLowerCase()}:${user}@${host}${port}` };
}

function ownDomain(settings: DialSettings): string | undefined {
  return /@([^;?>]+)/.exec(settings.sipUri ?? '')?.[1]?.toLowerCase();
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new DialStringError('not a SIP address to dial');
  }
}

function numberPlan(typed: string, extension: string | undefined, settings: DialSettings) {
  const split = typedSuffix(typed);
  const dialString = numberToDial(split.number, settings);
  const dtmf = extension ?? split.extension;
  return dtmf
    ? { kind: 'number' as const, dialString, dtmfAfterAnswer: dtmf }
    : { kind: 'number' as const, dialString };
}

/**
 * An extension typed after the number (`030 1234567 ext. 12`, `x12`) is dialled after the
 * answer; a direct-dial suffix (`Durchwahl 12`) is part of the number (extension.ts).
 */
function typedSuffix(typed: string): { number: string; extension?: string } {
  const m = TYPED_SUFFIX.exec(normalizeText(typed).trim());
  const suffix = m?.[2] ? readSuffix(m[2]) : null;
  if (!m?.[1] || !suffix) return { number: typed };
  if (suffix.kind === 'direct-dial') return { number: withDirectDial(m[1], suffix.digits) };
  return { number: m[1], extension: suffix.digits };
}

/**
 * A number as an agent types it (`+49 30 1234567`, `+49 (0) 30 1234567`, `030 1234567`,
 * `0049 …`): look-alike characters and separators go; a public number is read under the
 * default country (the `(0)` trunk of the written German form dropped) and dialled by the
 * rules; a short internal number (an extension of the PBX) is dialled as typed.
 */
function numberToDial(typed: string, settings: DialSettings): string {
  const plain = normalizeText(typed);
  const compact = plain.replace(SEPARATORS, '');
  const country = countryOf(settings);
  if (compact.startsWith('+')) {
    const read = /^\+\d+$/.test(compact) ? valueTarget(plain, country) : null;
    return toDialString(read?.startsWith('+') ? read : compact, settings);
  }
  // Read as detection reads it: `49(0)30 1234567` is +49 30 …, not 0490 301234567 (C24).
  const parsed = /^\d{7,}$/.test(compact) ? parseSegment(plain.trim(), country) : null;
  if (parsed?.valid) return toDialString(parsed.e164, settings);
  return validateDialString(compact);
}
