/**
 * Phone numbers as CRMs store them. CRM search is mostly literal, so a lookup asks for the
 * forms people type: E.164, international with spaces, national with the trunk `0`, the
 * `+49 (0)30` and `0049` forms, with `-`, `/` and `( )` separators, and the German switchboard
 * form `1234567-0` (field-failures C24, C25). Returned fields are compared after normalising
 * them with libphonenumber-js, never by their text.
 */
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js';

const UNICODE_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const UNICODE_DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
/** `+49 (0)30`, `0049(0)30`, `49(0)30`: country code, then the optional trunk prefix (C24). */
const TRUNK_IN_PARENS = /^\s*(?:\+|00)?\s*(\d{1,3})\s*\(\s*0\s*\)\s*/;

/** Unicode spaces and dashes become ASCII; `49(0)` becomes `+49 ` (C24). */
export function cleanPhoneText(text: string): string {
  const ascii = text
    .replace(INVISIBLE, '')
    .replace(UNICODE_SPACES, ' ')
    .replace(UNICODE_DASHES, '-')
    .trim();
  return ascii.replace(TRUNK_IN_PARENS, '+$1 ');
}

/** The stored value as a parsed number, or undefined when it is not a phone number. */
export function parseStoredPhone(text: string, defaultCountry: string): PhoneNumber | undefined {
  const parsed = parsePhoneNumberFromString(cleanPhoneText(text), defaultCountry as CountryCode);
  return parsed?.isPossible() ? parsed : undefined;
}

/** E.164 of a stored value (any extension dropped), or undefined. */
export function normalisePhone(text: string, defaultCountry: string): string | undefined {
  return parseStoredPhone(text, defaultCountry)?.number;
}

/** The national significant number: the digits after the country code. */
export function nationalSignificant(e164: string): string {
  return parsePhoneNumberFromString(e164)?.nationalNumber ?? e164.replace(/\D/g, '');
}

const MAX_VARIANTS = 48;

/** The forms a CRM may have stored `e164` in, most common first, without duplicates. */
export function phoneVariants(e164: string): string[] {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return [e164];

  const cc = phone.countryCallingCode;
  const nsn = phone.nationalNumber;
  const national = phone.formatNational();
  const nationalDigits = national.replace(/\D/g, '');
  const trunk = nationalDigits.length > nsn.length ? nationalDigits.slice(0, -nsn.length) : '';
  const [area = '', ...groups] = phone.formatInternational().split(' ').slice(1);
  const subscriber = groups.join('');

  const subscribers = [subscriber, groups.join(' '), groups.join('-')];
  // One long group (`89 20001234`): people split it before the last four (`2000 1234`).
  if (groups.length === 1 && subscriber.length >= 6) {
    subscribers.push(`${subscriber.slice(0, -4)} ${subscriber.slice(-4)}`);
  }
  // A German switchboard number written as base plus `-0` (C25: `030 1234567-0`).
  if (subscriber.length >= 4 && subscriber.endsWith('0')) {
    subscribers.push(`${subscriber.slice(0, -1)}-0`);
  }

  const prefixes = [
    `+${cc} ${area} `,
    `+${cc}-${area}-`,
    `00${cc} ${area} `,
    `${trunk}${area} `,
    `${trunk}${area}`,
    `${trunk}${area}-`,
    `${trunk}${area}/`,
    `(${trunk}${area}) `,
  ];
  if (trunk) prefixes.push(`+${cc} (${trunk})${area} `, `+${cc} (${trunk}) ${area} `);

  const variants = [
    e164,
    phone.formatInternational(),
    national,
    nationalDigits,
    `${cc}${nsn}`,
    `00${cc}${nsn}`,
  ];
  for (const prefix of prefixes) {
    for (const sub of subscribers) variants.push(`${prefix}${sub}`.replace(/\s+/g, ' '));
  }
  return [...new Set(variants.filter((v) => /\d{4}/.test(v)))].slice(0, MAX_VARIANTS);
}
