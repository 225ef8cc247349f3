/**
 * Shapes of digit tokens that are never phone numbers, however valid their digits look to
 * libphonenumber (C22): dates and month-year pairs, times, IPv4 addresses, version numbers and
 * dotted amounts. A token is a whitespace-free piece of a candidate run; the detector cuts runs
 * at such tokens, so that a date never glues onto a number next to it (C20c).
 */

const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0?[1-9]|1[0-2])';
const YEAR = '(?:1[89]\\d\\d|2[01]\\d\\d)';
const YEAR_ANY = `(?:${YEAR}|\\d\\d)`;

const DATE = new RegExp(
  '^(?:' +
    [
      `${DAY}\\.${MONTH}\\.${YEAR_ANY}?`, // 05.10.1986, 5.10.86, 05.10.
      `${DAY}/${MONTH}/${YEAR_ANY}`, // 05/10/1986 (day first)
      `${MONTH}/${DAY}/${YEAR_ANY}`, // 10/05/1986 (month first)
      `${YEAR}-${MONTH}-${DAY}`, // 2024-01-05
      `${YEAR}/${MONTH}/${DAY}`, // 2024/01/05
      `${MONTH}[./-]${YEAR}`, // 06/2017, 06.2017, 06-2017
      `${YEAR}[/-]${MONTH}`, // 2017/06, 2017-06
    ].join('|') +
    ')$',
);

const TIME = /^(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:[:.][0-5]\d)?$/;

const DOTTED = /^\d+(?:\.\d+)+$/;

/** A token that is a calendar date or a month and year. */
export function isDate(token: string): boolean {
  return DATE.test(token);
}

/**
 * A dotted quad whose parts are all 0-255, written without leading zeros: `030.123.45.67` is
 * a Berlin number in dots, no address.
 */
export function isIPv4(token: string): boolean {
  if (!DOTTED.test(token)) return false;
  const parts = token.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && +p <= 255);
}

/**
 * Version numbers (1.13.16, 10.0.19041.1234) and dotted thousands (1.234.567): three or more
 * dot-separated groups where a group has one digit, or the first group is short without a
 * leading zero. Dotted phone styles keep their shape: 212.555.0100, 01.23.45.67.89.
 */
export function isVersionOrAmount(token: string): boolean {
  if (!DOTTED.test(token)) return false;
  const groups = token.split('.');
  if (groups.length < 3) return false;
  const first = groups[0] ?? '';
  return groups.some((g) => g.length === 1) || (first.length <= 2 && !first.startsWith('0'));
}

/** Whether a token can never be (part of) a phone number. */
export function isNonPhoneToken(token: string): boolean {
  return isDate(token) || TIME.test(token) || isIPv4(token) || isVersionOrAmount(token);
}
