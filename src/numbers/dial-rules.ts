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
import { splitExtension } from './extension.ts';
import { linkTarget } from './link-target.ts';
import { isSupportedCountry, parseWithMetadata } from './phone-lib.ts';
import { nationalPrefixOf } from './plans.ts';

/** The settings dial rules read: the hub passes its effective settings. */
export type DialSettings = Pick<
  Settings,
  'defaultCountry' | 'dialFormat' | 'internationalPrefix' | 'outsideLinePrefix'
>;

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
  const home = settings.defaultCountry;
  if (settings.dialFormat === 'national' && number && number.country === home) {
    return validateDialString(prefix + nationalPrefixOf(home) + number.nationalNumber);
  }
  // After an outside-line prefix a `+` is no longer first, so the digits form is used.
  const idd = settings.internationalPrefix === '+' && !prefix ? '+' : digitsPrefix(settings);
  return validateDialString(prefix + idd + e164.slice(1));
}

function digitsPrefix(settings: DialSettings): string {
  return /^\d{1,4}$/.test(settings.internationalPrefix) ? settings.internationalPrefix : '00';
}

/**
 * A dial target from a page or view: E.164 with an optional `;ext=` (extension.ts), digits of
 * an internal extension (`123`, dialled untouched), or a link's href as a page holds it
 * (`tel:…`, `callto:…`, `sip:…`; link-target.ts reads it). Throws DialStringError otherwise.
 */
export function planDial(target: string, settings: DialSettings): DialPlan {
  let value = target.trim();
  if (LINK.test(value)) {
    const country = isSupportedCountry(settings.defaultCountry) ? settings.defaultCountry : 'DE';
    const read = linkTarget(value, country);
    if (!read) throw new DialStringError('this link holds no number to dial');
    value = read;
  }
  if (value.startsWith('sip:')) return { kind: 'uri', uri: value };

  const { number, extension } = splitExtension(value);
  const dialString = numberToDial(number, settings);
  return extension
    ? { kind: 'number', dialString, dtmfAfterAnswer: extension }
    : { kind: 'number', dialString };
}

const LINK = /^(tel|callto|sips?):/i;
const SEPARATORS = /[\s\u00a0\u2010-\u2015()./-]/g;

/**
 * A number as an agent types it (`+49 30 1234567`, `030 1234567`, `0049 …`): separators go;
 * a public number is read under the default country and dialled by the rules; a short
 * internal number (an extension of the PBX) is dialled as typed.
 */
function numberToDial(typed: string, settings: DialSettings): string {
  const compact = typed.replace(SEPARATORS, '');
  if (compact.startsWith('+')) return toDialString(compact, settings);

  const country = isSupportedCountry(settings.defaultCountry) ? settings.defaultCountry : 'DE';
  const parsed = compact.length > 6 ? parseWithMetadata(compact, country) : undefined;
  if (parsed?.isValid()) return toDialString(parsed.number, settings);
  return validateDialString(compact);
}
