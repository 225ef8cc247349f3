/**
 * Where digit runs in text are cut before numbers are read from them (find-numbers.ts): at
 * tokens shaped like dates, times, addresses, versions or amounts (shapes.ts), at an
 * alternative ending after a slash, and not at all inside an IBAN.
 */
import { isNonPhoneToken } from './shapes.ts';

/** Cuts a run at non-phone tokens into pieces, as flat start, end pairs (trimmed later). */
export function segments(text: string, from: number, to: number): number[] {
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
    const raw = text.slice(m.index, tokenEnd);
    const token = raw.replace(/^[(+]+|[).,;:]+$/g, '');
    // A `+` starts a number in any writing: `+49.30.1234567` is no version number.
    if (!/^\(?\+/.test(raw) && (isNonPhoneToken(token) || isRange(token))) {
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

/**
 * IBANs with letters in the bank code (`NL91 ABNA 0417 1643 00`, `GB29 NWBK 6016 …`): their
 * digit groups start after a space, so the glued-to-letters rule does not see them.
 */
const IBAN_HEAD = /\b[A-Z]{2}\d{2} ?[A-Z]{4}[ \d]*$/;

export function inIban(text: string, at: number): boolean {
  const letter = text.charCodeAt(at - 2);
  return letter >= 65 && letter <= 90 && IBAN_HEAD.test(text.slice(Math.max(0, at - 12), at));
}

/** `030 12345-67/-68`: an alternative ending after the slash is not dialled with the number. */
export function endBeforeAlternative(text: string, start: number, end: number): number {
  const alternative = /\s*\/\s*-\s*\d/.exec(text.slice(start, end));
  return alternative ? start + alternative.index : end;
}
