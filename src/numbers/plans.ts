/**
 * A fast path beside libphonenumber-js for the common shapes: its metadata, read directly, says
 * whether digits are a valid number, the way `PhoneNumber.isValid()` decides (a number type's
 * pattern and lengths where the plan has types, the general pattern otherwise). The library's
 * parse costs tens of microseconds a call, hundreds before the page's JIT has warmed up; this
 * costs a few cached regular expression tests. Whatever the fast path cannot decide (plans with
 * a carrier-code national prefix, numbers it finds invalid) goes to the library, and a unit
 * test compares both on thousands of numbers per country (plans.test.ts).
 *
 * Plan layout, metadata format v4 (libphonenumber-js source/metadata.js): [0] calling code,
 * [2] national number pattern, [3] possible lengths, [5] national prefix, [7] national prefix
 * for parsing, [8] its transform rule, [11] types ([pattern, possible lengths?] each).
 */
import { metadata, type CountryCode } from './phone-lib.ts';

type Plan = readonly unknown[];
type TypeDef = readonly [pattern: string, lengths?: readonly number[]];

const plans = metadata.countries as unknown as Record<string, Plan | undefined>;
const callingCodes = metadata.country_calling_codes as unknown as Record<string, string[]>;
const compiled = new Map<string, RegExp>();

function entire(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`);
    compiled.set(pattern, re);
  }
  return re;
}

/** `PhoneNumber.isValid()` for a national (significant) number in `country`. */
export function validIn(country: string, national: string): boolean {
  const plan = plans[country];
  if (!plan || !entire(String(plan[2])).test(national)) return false;
  return !plan[11] || hasType(plan, national);
}

/** Whether one of the plan's number types takes the number (the library's getNumberType). */
function hasType(plan: Plan, national: string): boolean {
  const types = plan[11] as readonly (TypeDef | 0 | null)[] | 0 | undefined;
  if (!types) return false;
  const fallback = plan[3] as readonly number[] | 0 | undefined;
  return types.some((type) => {
    if (!type || !type[0]) return false;
    const lengths = type[1] || fallback;
    return (!lengths || lengths.includes(national.length)) && entire(type[0]).test(national);
  });
}

/**
 * Which of the countries sharing a calling code a number belongs to, as the library's
 * getCountryByNationalNumber decides: the first whose leading digits start the number, or,
 * for plans without leading digits, the first that has a number type for it.
 */
function countryOf(group: readonly string[], national: string): string | undefined {
  if (group.length === 1) return group[0];
  for (const country of group) {
    const plan = plans[country];
    const leading = plan?.[10];
    if (typeof leading === 'string' && leading) {
      if (national.search(cachedPrefix(leading)) === 0) return country;
    } else if (plan && entire(String(plan[2])).test(national) && hasType(plan, national)) {
      return country;
    }
  }
  return undefined;
}

/** The trunk prefix a country's numbers are dialled with nationally (`0` in DE), or ''. */
export function nationalPrefixOf(country: string): string {
  const prefix = plans[country]?.[5];
  return typeof prefix === 'string' ? prefix : '';
}

export interface FastNumber {
  e164: string;
  /** Written with the trunk prefix, which the number does not include. */
  trunk: boolean;
}

/**
 * The number in `digits` (after a `+` when `international`, else written in `country`), as
 * libphonenumber-js would parse it, when it is valid and the fast path can be sure; null
 * otherwise (then ask the library). As the library does, a trunk prefix written after the
 * calling code is dropped when what is left is a number.
 */
export function fastParse(
  digits: string,
  international: boolean,
  country: CountryCode,
): FastNumber | null {
  let code = '';
  if (international) {
    for (let length = 1; length <= 3 && !code; length++) {
      if (callingCodes[digits.slice(0, length)]) code = digits.slice(0, length);
    }
  } else {
    const own = plans[country]?.[0];
    code = typeof own === 'string' ? own : '';
  }
  const group = callingCodes[code];
  if (!code || !group) return null;
  const rest = international ? digits.slice(code.length) : digits;

  const prefixPlan = plans[international ? (group[0] ?? '') : country];
  if (!prefixPlan) return null;
  const written = writtenPrefix(prefixPlan, rest);
  if (written === undefined) return null;

  const stripped = rest.slice(written.length);
  const found = owned(group, stripped, international ? undefined : country);
  if (found) return { e164: `+${code}${stripped}`, trunk: !international && written !== '' };
  // The library keeps the prefix digits when only the number with them fits the plan.
  const general = entire(String(prefixPlan[2]));
  if (written && general.test(rest) && !general.test(stripped)) {
    if (owned(group, rest, international ? undefined : country)) {
      return { e164: `+${code}${rest}`, trunk: false };
    }
  }
  return null;
}

/** The country of the calling code's group that owns the number, if valid there. */
function owned(group: readonly string[], national: string, fallback?: string): boolean {
  const owner = countryOf(group, national) ?? fallback;
  return Boolean(owner && validIn(owner, national));
}

/**
 * The trunk prefix written at the start of `rest`, as the library would strip it: '' when
 * none is written; undefined when the plan's rule takes a carrier code out of it or
 * transforms the number, which is the library's job.
 */
function writtenPrefix(plan: Plan, rest: string): string | undefined {
  const rule = typeof plan[7] === 'string' && plan[7] ? plan[7] : plan[5];
  if (typeof rule !== 'string' || !rule) return '';
  const match = cachedPrefix(rule).exec(rest)?.[0];
  if (!match) return '';
  if (plan[8] || /\((?!\?:)/.test(rule)) return undefined;
  return match;
}

function cachedPrefix(pattern: string): RegExp {
  const key = `prefix:${pattern}`;
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(`^(?:${pattern})`);
    compiled.set(key, re);
  }
  return re;
}
