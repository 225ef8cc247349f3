/**
 * Phone numbers in free text. libphonenumber-js parses and validates; which digit runs are
 * offered to it, and which of its answers are believed, is decided here (C20, C22, C24):
 *
 * 1. Runs of number characters are cut into segments at tokens shaped like dates, times, IPv4
 *    addresses, versions or amounts (shapes.ts), and at ` / ` between two numbers.
 * 2. A segment glued to letters or ID punctuation (`CA7f3e…`, `ID-123`, `#123`) is skipped.
 * 3. A filter label right before it (`Kundennr.`, `Invoice`; labels.ts) rejects it.
 * 4. It must parse as a valid number for the default country and carry evidence: an
 *    international prefix, the trunk prefix, the library's own digit grouping for that number,
 *    or a phone label (`Tel.`, `Mobil`) or phone field around it.
 */
import { readSuffix, withDirectDial } from './extension.ts';
import { compileLabels, DEFAULT_IGNORE_LABELS, LABEL_WINDOW, labelVerdict } from './labels.ts';
import type { LabelMatcher, LabelVerdict } from './labels.ts';
import { IGNORABLE, normalizeText } from './normalize.ts';
import { parseSegment, type ParsedSegment } from './parse-segment.ts';
import type { CountryCode } from './phone-lib.ts';
import { nationalPrefixOf } from './plans.ts';
import { endBeforeAlternative, inIban, segments } from './segments.ts';

export interface FindOptions {
  defaultCountry: CountryCode;
  /** Compiled filter labels (compileLabels); the defaults when left out. */
  labels?: LabelMatcher;
  /** The text is the value of a known phone field: the field is the evidence. */
  phoneField?: boolean;
  /** Text read as if it came before `text`, for labels only (a table cell's column header). */
  before?: string;
}

export interface PhoneMatch {
  /** Offsets into the given text; `end` is exclusive and covers an extension suffix. */
  start: number;
  end: number;
  e164: string;
  /** Dialled as DTMF after the call connects. */
  extension?: string;
}

const defaultLabels = compileLabels(DEFAULT_IGNORE_LABELS);

const RUN = /[+(]*\d[\d ./()\u200b-]*/g;
const BAD_BEFORE = /[\p{L}\p{N}_#@=&?$€£¥%§\\/-]/u;
const BAD_AFTER = /[\p{L}\p{N}_@%€$£¥°]/u;
const MAX_DIGITS = 15;
/** Fewer digits are no number worth a control (internal extensions are dialled by hand). */
export const MIN_DIGITS = 6;
/** At least MIN_DIGITS ASCII digits: counted by the regex engine, not a cold character loop. */
const ENOUGH = new RegExp(`\\d(?:\\D*\\d){${MIN_DIGITS - 1}}`);
const NON_DIGITS = /\D+/g;
/** A subscriber number without area code has at most this many digits (Germany: 3 to 8). */
const LOCAL_DIGITS = 8;

/** Every phone number in `text`, in order. */
export function findPhoneNumbers(text: string, options: FindOptions): PhoneMatch[] {
  // Plain loops, no iterators or destructuring: a content script runs this cold on page load,
  // where the interpreter pays for each iterator step (bench `click-to-call scan`).
  const found: PhoneMatch[] = [];
  const norm = normalizeText(text);
  if (!ENOUGH.test(norm)) return found;
  RUN.lastIndex = 0;
  for (let run = RUN.exec(norm); run; run = RUN.exec(norm)) {
    const runEnd = run.index + run[0].length;
    if (!ENOUGH.test(run[0])) continue;
    if (inIban(norm, run.index)) continue;
    const cuts = segments(norm, run.index, runEnd);
    for (let i = 0; i < cuts.length; i += 2) {
      const start = cuts[i] as number;
      const slash = norm.indexOf('/', start);
      const end =
        slash >= 0
          ? endBeforeAlternative(norm, start, cuts[i + 1] as number)
          : (cuts[i + 1] as number);
      // `030 1234567 / 0151 12345678` is two numbers; `030 / 1234567` is one.
      const spaced = slash >= 0 ? norm.indexOf(' / ', slash - 1) : -1;
      const parts =
        spaced >= 0 && spaced + 3 <= end ? splitAtSlashes(norm, start, end, options) : [];
      if (parts.length >= 2) for (const part of parts) found.push(part);
      else evaluateRun(norm, start, end, options, found);
    }
  }
  return found;
}

/** Where a number written with `+`, `00` or the trunk `0` starts inside a run: after a space. */
const NUMBER_START = / (?=\(?[+0])/g;
/** A figure of up to three digits (`2`, `1.`, `1)`, `12`, `30` of `14:30`), then spaces. */
const SHORT_FIGURE = /^[1-9]\d{0,2}[.):]?[\s-]*$/;

/**
 * One segment holds a number, or several written one after another. A number written with
 * `+`, `00` or the trunk prefix starts at that token (a German subscriber number never starts
 * with 0): a short figure before it is not part of it (`Telefon 2 0171 …`, `1) 030 …`,
 * `Musterstr. 12 030 …`, `14:30 0171 …`), and when the whole is no number, each such token
 * starts one (`030 1234567 030 1234568`, `030 1234567 - 0171 1234567`). The words before the
 * segment are the label of every number in it; a segment glued to letters or ID punctuation
 * is read whole only.
 */
function evaluateRun(
  text: string,
  start: number,
  end: number,
  options: FindOptions,
  found: PhoneMatch[],
): void {
  const starts: number[] = [];
  const inner = text.slice(start, end);
  const later = inner.includes(' 0') || inner.includes(' +') || inner.includes(' (');
  if (later && !BAD_BEFORE.test(text[start - 1] ?? ' ')) {
    NUMBER_START.lastIndex = 0;
    for (let m = NUMBER_START.exec(inner); m; m = NUMBER_START.exec(inner)) {
      starts.push(start + m.index + 1);
    }
  }
  const first = starts[0];
  const from = first !== undefined && SHORT_FIGURE.test(text.slice(start, first)) ? first : start;
  // After a group of six digits or more, a short last group is another figure:
  // `+49 30 1234567 12 Mitarbeiter`, `030 1234568 10115 Berlin`.
  const tail = /\d{6} +\d{1,5} *$/.exec(text.slice(from, end));
  const whole = evaluate(text, from, tail ? from + tail.index + 6 : end, options, start);
  if (whole) {
    found.push(whole);
    return;
  }
  const bounds = [from, ...starts.filter((s) => s > from), end];
  if (bounds.length < 3) return;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const piece = evaluate(text, bounds[i] as number, bounds[i + 1] as number, options, start);
    if (piece) found.push(piece);
  }
}

function splitAtSlashes(text: string, start: number, end: number, options: FindOptions) {
  const found: PhoneMatch[] = [];
  const slash = / \/ /g;
  let from = start;
  for (const m of text.slice(start, end).matchAll(slash)) {
    const match = evaluate(text, from, start + m.index, options);
    if (match) found.push(match);
    from = start + m.index + m[0].length;
  }
  if (from > start) {
    const last = evaluate(text, from, end, options);
    if (last) found.push(last);
  }
  return found;
}

/** `labelAt`: where the words read as the number's label end (by default, where it starts). */
function evaluate(text: string, from: number, to: number, options: FindOptions, labelAt?: number) {
  // Trimmed: from the first digit, `+` or `(`, to the last digit.
  let start = from;
  while (start < to && !isDigitPlusOrParen(text.charCodeAt(start))) start++;
  let end = to;
  while (end > start && !isDigit(text.charCodeAt(end - 1))) end--;
  if (digitCount(text.slice(start, end)) < MIN_DIGITS || !startOk(text, start)) return null;

  const suffix = readSuffix(text.slice(end, end + 24));
  const matchEnd = suffix ? end + suffix.length : end;
  if (!endOk(text, matchEnd)) return null;

  const before = (options.before ? options.before + ' ' : '') + text.slice(0, labelAt ?? start);
  const verdict = labelVerdict(before.slice(-LABEL_WINDOW), options.labels ?? defaultLabels);
  // A reference number is never written with `+`: `Vertragsabteilung: +49 30 …` is a phone.
  const plus = text[start] === '+' || text[start + 1] === '+';
  if (verdict === 'ignore' && !options.phoneField && !plus) return null;

  let segment = text.slice(start, end);
  if (suffix?.kind === 'direct-dial') segment = withDirectDial(segment, suffix.digits);
  if (digitCount(segment) > MAX_DIGITS + 2) return null;

  const parsed = parseSegment(segment, options.defaultCountry);
  if (!parsed) return null;
  const believed = options.phoneField
    ? parsed.valid || (digitCount(segment) >= 7 && parsed.possible())
    : believable(parsed, segment, verdict, options.defaultCountry);
  if (!believed) return null;

  const match: PhoneMatch = { start, end: matchEnd, e164: parsed.e164 };
  if (suffix?.kind === 'extension') match.extension = suffix.digits;
  return match;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A digit, `+` or `(`: where a number can start. */
function isDigitPlusOrParen(code: number): boolean {
  return isDigit(code) || code === 43 || code === 40;
}

function startOk(text: string, start: number): boolean {
  const before = text[start - 1] ?? ' ';
  if (BAD_BEFORE.test(before)) return false;
  // `10:30`, `3,5`, `2.5`: a digit beyond a colon, comma or dot belongs to the same figure.
  return !(/[:,.]/.test(before) && /\d/.test(text[start - 2] ?? ''));
}

function endOk(text: string, end: number): boolean {
  const after = text[end] ?? ' ';
  // A currency or unit after a space too: `0301234567 €` is an amount.
  if (BAD_AFTER.test(after) || /^ [€$£¥%]/.test(text.slice(end, end + 2))) return false;
  return !(/[:,.]/.test(after) && /\d/.test(text[end + 1] ?? ''));
}

function believable(
  parsed: ParsedSegment,
  segment: string,
  verdict: LabelVerdict,
  country: CountryCode,
): boolean {
  if (!parsed.valid) return false;
  if (parsed.international) return true;
  if (parsed.trunk) return verdict === 'phone' || digitCount(segment) >= 7;
  // Where national numbers are written with a trunk 0 (Germany, Austria, the UK…), a short
  // one without it is a local number missing its area code (`Tel. 2345678`), whose first
  // digits would be dialled as one (0234 5678); area code and number run to nine digits or
  // more (`2125550100` in a phone column). US numbers are written without their `1`.
  if (nationalPrefixOf(country) === '0' && digitCount(segment) <= LOCAL_DIGITS) return false;
  return verdict === 'phone' || groupsMatch(segment, parsed.national());
}

/** The segment is grouped the way the library formats this number nationally (`(212) 555-0100`). */
function groupsMatch(segment: string, national: string): boolean {
  const groups = (s: string): string =>
    s
      .replaceAll(IGNORABLE, '')
      .split(/\D+/)
      .filter(Boolean)
      .map((g) => g.length)
      .join(',');
  const mine = groups(segment);
  return mine.includes(',') && mine === groups(national);
}

function digitCount(s: string): number {
  return s.replace(NON_DIGITS, '').length;
}
