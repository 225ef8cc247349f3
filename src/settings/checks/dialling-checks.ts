/**
 * Settings of the dial rules (src/numbers/dial-rules.ts) and number detection, checked the
 * same way by the settings store, the options form and the admin policy parser.
 */
import { normalizeText } from '../../numbers/normalize.ts';
import { parseSegment } from '../../numbers/parse-segment.ts';
import { isSupportedCountry } from '../../numbers/phone-lib.ts';
import { fail, ok, type Checked } from './problem.ts';

/** Longest outside-line prefix; dial-rules ignores a longer one, so nothing may store it. */
export const MAX_OUTSIDE_LINE_PREFIX = 4;
export const OUTSIDE_LINE_PREFIX = new RegExp(`^[0-9*#]{0,${MAX_OUTSIDE_LINE_PREFIX}}$`);
export const MAX_LABEL_LENGTH = 60;
export const MAX_LABELS = 300;

/**
 * ISO 3166-1 alpha-2, limited to the regions our libphonenumber-js metadata knows: for any
 * other code dialling would quietly fall back to another country's plan.
 */
export function checkCountry(input: string): Checked<string> {
  const code = input.trim().toUpperCase();
  if (code === '') return fail('required');
  return isSupportedCountry(code) ? ok(code) : fail('unknownCountry', input.trim());
}

/** Digits, `*` or `#` the PBX needs for an outside line; empty means none. */
export function checkOutsideLinePrefix(input: string): Checked<string> {
  const prefix = input.trim();
  return OUTSIDE_LINE_PREFIX.test(prefix)
    ? ok(prefix)
    : fail('invalidPrefix', MAX_OUTSIDE_LINE_PREFIX);
}

/** How the PBX wants the international prefix: `+` as such, or its digits (`00`, `011`). */
export function checkInternationalPrefix(input: string): Checked<string> {
  const text = input.trim();
  // No country dials abroad with one digit: a lone `0` is the trunk prefix, and `+44 20 …`
  // would go out as the national number 0442… (00 was meant).
  return text === '+' || /^\d{2,4}$/.test(text) ? ok(text) : fail('notIntlPrefix');
}

/**
 * A label that marks the digits after it as no phone number (src/numbers/labels.ts): words of
 * letters, which spaces, dots, colons or dashes separate (`Kunden-Nr.` is `kunden nr`), and a
 * `*` at the end for "any ending". The matcher reads only letters, so a digit or a `*` inside
 * would never match. Lower-cased, as matched.
 */
export function checkIgnoreLabel(input: string): Checked<string> {
  const label = input.trim().toLowerCase();
  if (label === '') return fail('required');
  if (label.length > MAX_LABEL_LENGTH) return fail('tooLong', MAX_LABEL_LENGTH);
  return LABEL.test(label) ? ok(label) : fail('invalidLabel', input.trim());
}

/** Letters and separators, at least one letter; a `*` only right after the last letter. */
const LABEL = /^(?=.*\p{L})[\p{L}º .:-]*(?:[\p{L}º]\*)?$/u;

export const MAX_OWN_NUMBERS = 50;
const E164 = /^\+[1-9]\d{5,14}$/;

/**
 * One of the organisation's own numbers, written internationally (`+49 30 …`, `0049 30 …`,
 * `+49 (0)30 …`): stored as E.164 if the numbering plan knows it, read as the dialler and the
 * caller lookup read numbers (a `+49 030 …` loses its 0; `+49 1234` or `+999 …` are refused).
 */
export function checkOwnNumber(input: string): Checked<string> {
  const typed = input.trim();
  // Digits and separators only: `… ext. 12` would be read as more digits of the number.
  const international = /^\(?\s*(?:\+|00)[\d\s()./-]*$/.test(typed);
  const parsed = international ? parseSegment(normalizeText(typed), 'DE') : null;
  return parsed?.international && parsed.valid && E164.test(parsed.e164)
    ? ok(parsed.e164)
    : fail('invalidNumber', typed);
}
