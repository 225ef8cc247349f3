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
import { readSuffix } from './extension.ts';
import { compileLabels, DEFAULT_IGNORE_LABELS, LABEL_WINDOW, labelVerdict } from './labels.ts';
import type { LabelMatcher, LabelVerdict } from './labels.ts';
import { IGNORABLE, normalizeText } from './normalize.ts';
import { parseSegment, type ParsedSegment } from './parse-segment.ts';
import type { CountryCode } from './phone-lib.ts';
import { isNonPhoneToken } from './shapes.ts';

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
    const cuts = segments(norm, run.index, runEnd);
    for (let i = 0; i < cuts.length; i += 2) {
      const start = cuts[i] as number;
      const end = cuts[i + 1] as number;
      // `030 1234567 / 0151 12345678` is two numbers; `030 / 1234567` is one.
      const slash = norm.indexOf(' / ', start);
      const parts = slash >= 0 && slash + 3 <= end ? splitAtSlashes(norm, start, end, options) : [];
      const whole = parts.length < 2 ? evaluate(norm, start, end, options) : null;
      if (whole) found.push(whole);
      else for (const part of parts) found.push(part);
    }
  }
  return found;
}

/** Cuts a run at non-phone tokens into pieces, as flat start, end pairs (trimmed later). */
function segments(text: string, from: number, to: number): number[] {
  // In a run, only `.`, `/` and `-` make those shapes: without them it is one segment.
  if (!/[./-]/.test(text.slice(from, to))) return [from, to];
  const out: number[] = [];
  let segStart = -1;
  let segEnd = -1;
  const tokens = /\S+/g;
  tokens.lastIndex = from;
  for (let m = tokens.exec(text); m && m.index < to; m = tokens.exec(text)) {
    const tokenEnd = Math.min(m.index + m[0].length, to);
    // Sentence punctuation after a token is not part of it: `am 05.10.1986.` is a date.
    const token = text.slice(m.index, tokenEnd).replace(/^[(+]+|[).,;:]+$/g, '');
    if (isNonPhoneToken(token) || isRange(token)) {
      if (segStart >= 0) out.push(segStart, segEnd);
      segStart = -1;
      continue;
    }
    if (segStart < 0) segStart = m.index;
    segEnd = tokenEnd;
  }
  if (segStart >= 0) out.push(segStart, segEnd);
  return out;
}

function isRange(token: string): boolean {
  if (!token.includes('-')) return false;
  const parts = token.split('-');
  return parts.length === 2 && parts.every((p) => isNonPhoneToken(p));
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

function evaluate(text: string, from: number, to: number, options: FindOptions) {
  // Trimmed: from the first digit, `+` or `(`, to the last digit.
  let start = from;
  while (start < to && !isDigitPlusOrParen(text.charCodeAt(start))) start++;
  let end = to;
  while (end > start && !isDigit(text.charCodeAt(end - 1))) end--;
  if (digitCount(text.slice(start, end)) < MIN_DIGITS || !startOk(text, start)) return null;

  const suffix = readSuffix(text.slice(end, end + 24));
  const matchEnd = suffix ? end + suffix.length : end;
  if (!endOk(text, matchEnd)) return null;

  const before = (options.before ? options.before + ' ' : '') + text.slice(0, start);
  const verdict = labelVerdict(before.slice(-LABEL_WINDOW), options.labels ?? defaultLabels);
  if (verdict === 'ignore' && !options.phoneField) return null;

  let segment = text.slice(start, end);
  if (suffix?.kind === 'direct-dial') segment += suffix.digits;
  if (digitCount(segment) > MAX_DIGITS + 2) return null;

  const parsed = parseSegment(segment, options.defaultCountry);
  if (!parsed) return null;
  const believed = options.phoneField
    ? parsed.valid || (digitCount(segment) >= 7 && parsed.possible())
    : believable(parsed, segment, verdict);
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
  if (BAD_AFTER.test(after)) return false;
  return !(/[:,.]/.test(after) && /\d/.test(text[end + 1] ?? ''));
}

function believable(parsed: ParsedSegment, segment: string, verdict: LabelVerdict): boolean {
  if (!parsed.valid) return false;
  if (parsed.international || verdict === 'phone') return true;
  if (parsed.trunk) return digitCount(segment) >= 7;
  return groupsMatch(segment, parsed.national());
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
