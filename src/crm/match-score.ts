/**
 * Ranking of lookup results. A CRM's search is loose (it matches any format, sometimes any
 * token), so each returned record is scored by its phone fields, normalised with
 * libphonenumber-js: exact E.164 first, then looser matches (the number inside a longer
 * field, or the same switchboard with another extension digit), then whatever the CRM's
 * search matched on grounds we cannot see. Persons rank above companies at the same level,
 * then the most recent interaction wins.
 */
import type { CrmMatch } from './api-adapter.ts';
import { nationalSignificant, parseStoredPhone } from './phone-variants.ts';

export const SCORE_EXACT = 100;
export const SCORE_LOOSE = 50;
export const SCORE_SEARCH_ONLY = 10;
const PERSON_BONUS = 5;

export type PhoneMatch = 'exact' | 'loose' | 'none';

export interface ScoreOptions {
  defaultCountry: string;
  /** The agent's own numbers: never a counterparty match (C25's "Our Office" contact). */
  ownNumbers?: readonly string[];
}

/** How one stored phone field relates to the caller's number. */
export function phoneMatch(stored: string, e164: string, defaultCountry: string): PhoneMatch {
  const callerNsn = nationalSignificant(e164);
  const parsed = parseStoredPhone(stored, defaultCountry);
  if (!parsed) {
    // Not one number (several in one field, words around it): the caller's digits inside.
    return callerNsn.length >= 7 && stored.replace(/\D/g, '').includes(callerNsn)
      ? 'loose'
      : 'none';
  }

  if (parsed.number === e164) return parsed.ext ? 'loose' : 'exact';
  const sameCountry = e164.startsWith(`+${parsed.countryCallingCode}`);
  return sameCountry && sameSwitchboard(parsed.nationalNumber, callerNsn) ? 'loose' : 'none';
}

/**
 * One number is the other's switchboard base or a sibling extension: `30 1234567`,
 * `30 1234567-0` and `30 1234567-12` share the base; `30 1234568` (a neighbour) does not.
 */
function sameSwitchboard(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let common = 0;
  while (common < short.length && short[common] === long[common]) common++;
  return common >= 6 && short.length - common <= 1 && long.length - common <= 4 && a !== b;
}

export interface RecordScore {
  score: number;
  exact: boolean;
}

/**
 * The score of a record from its phone fields; undefined when the record matched only
 * through one of the agent's own numbers, so it is no match at all.
 */
export function scoreRecord(
  phones: readonly string[],
  e164: string,
  kind: 'person' | 'organisation',
  options: ScoreOptions,
): RecordScore | undefined {
  const own = new Set(options.ownNumbers ?? []);
  const isOwn = (p: string): boolean => {
    const n = parseStoredPhone(p, options.defaultCountry)?.number;
    return n !== undefined && own.has(n);
  };
  const counted = phones.filter((p) => !isOwn(p));
  if (counted.length === 0 && phones.length > 0) return undefined;

  const levels = counted.map((p) => phoneMatch(p, e164, options.defaultCountry));
  const exact = levels.includes('exact');
  const base = exact ? SCORE_EXACT : levels.includes('loose') ? SCORE_LOOSE : SCORE_SEARCH_ONLY;
  if (base === SCORE_SEARCH_ONLY && phones.some(isOwn)) return undefined;
  return { score: base + (kind === 'person' ? PERSON_BONUS : 0), exact };
}

/** Best first: score, then most recent interaction, then name. Returns a new array. */
export function rankMatches(matches: readonly CrmMatch[]): CrmMatch[] {
  return [...matches].sort(
    (a, b) =>
      b.score - a.score ||
      (b.lastInteraction ?? '').localeCompare(a.lastInteraction ?? '') ||
      a.name.localeCompare(b.name),
  );
}

/** Newest first by ISO date; items without a date go last. */
export function newestFirst<T extends { date: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.date.localeCompare(a.date));
}
