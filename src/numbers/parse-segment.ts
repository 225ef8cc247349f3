/**
 * Turns one candidate segment (already normalised, see normalize.ts) into a parsed number, with
 * the project's own rewrites where libphonenumber-js alone is wrong (C24):
 *
 * - `+49 (0)30 …`, `0049 (0)30 …` and `49(0)30 …` without a plus: a calling code followed by the
 *   trunk prefix in brackets. The `(0)` is dropped and the calling code becomes `+49`; without
 *   this, `49(0)30 1234567` parses as the German number 0490 301234567.
 * - `00` before a calling code is the international prefix in most of the world, also when the
 *   default country dials out with something else (`011` in the US).
 *
 * Valid numbers of the common shapes are decided on the metadata directly (plans.ts); the rest,
 * and anything needing formatting, goes through libphonenumber-js. Results are cached per text
 * and country: list views repeat the same numbers many times.
 */
import { CC_WITH_TRUNK, IGNORABLE } from './normalize.ts';
import { parseWithMetadata, type CountryCode, type PhoneNumber } from './phone-lib.ts';
import { fastParse } from './plans.ts';

export interface ParsedSegment {
  e164: string;
  /** Written with a `+`, `00` or calling code: the writer meant it internationally. */
  international: boolean;
  /** The national number was written with the country's trunk prefix (`0` in DE). */
  trunk: boolean;
  valid: boolean;
  possible(): boolean;
  /** libphonenumber's national formatting, for comparing digit groups. */
  national(): string;
}

const LEADING_00 = /^\(?\s*00(?=\s*[1-9])/;

const cache = new Map<string, ParsedSegment | null>();
const CACHE_LIMIT = 4000;

export function parseSegment(segment: string, country: CountryCode): ParsedSegment | null {
  const key = country + segment;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;

  const result = parseUncached(segment.replaceAll(IGNORABLE, ''), country);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

function parseUncached(text: string, country: CountryCode): ParsedSegment | null {
  let international = /^\(?\s*\+/.test(text);
  let rewritten = text;

  const cc = CC_WITH_TRUNK.exec(text);
  if (cc) {
    rewritten = `+${cc[2]} ${text.slice(cc[0].length)}`;
    international = true;
  } else if (LEADING_00.test(text)) {
    rewritten = text.replace(LEADING_00, '+');
    international = true;
  }

  const digits = rewritten.replace(/\D/g, '');
  const fast = fastParse(digits, international, country);
  let library: PhoneNumber | undefined | null = null;
  const parsed = (): PhoneNumber | undefined => (library ??= parseWithMetadata(rewritten, country));
  if (fast) {
    return {
      e164: fast.e164,
      international,
      trunk: fast.trunk,
      valid: true,
      possible: () => true,
      national: () => parsed()?.formatNational() ?? '',
    };
  }

  const number = parsed();
  if (!number) return null;
  const trunk =
    !international &&
    digits.length > number.nationalNumber.length &&
    digits.endsWith(number.nationalNumber);
  return {
    e164: number.number,
    international,
    trunk,
    valid: number.isValid(),
    possible: () => number.isPossible(),
    national: () => number.formatNational(),
  };
}
