/**
 * What may follow a number: an extension reached after the call connects (`x123`, `ext. 123`,
 * `App. 123`), or a German direct-dial suffix written as a word (`Durchwahl -123`, `DW 123`).
 * A direct-dial suffix is part of the number itself: `+49 30 1234567-0` is the switchboard
 * `+493012345670` (C24), and `Durchwahl -123` after `030 1234567` is `+49301234567123`. An
 * extension is not: it is dialled as DTMF once the far end answers (see dial-rules.ts).
 */

export interface Suffix {
  /** Characters consumed after the number, including the separator before the word. */
  length: number;
  digits: string;
  kind: 'extension' | 'direct-dial';
}

/** The words that introduce a suffix, as a regular expression alternation. */
export const SUFFIX_WORDS =
  String.raw`x|ext\.?|extn\.?|extension|apparat|app\.|nebenstelle|nst\.?|` +
  String.raw`durchwahl|durchw\.|dw\.?`;

/** A suffix as written after a number, maybe in brackets: `, ext. 12`, `(Durchwahl -12)`. */
export const SUFFIX_TEXT =
  String.raw`\s*[,;]?\s*\(?\s*(${SUFFIX_WORDS})` + String.raw`\s*[:.]?\s*-?\s*(\d{1,6})(?:\s*\))?`;

const SUFFIX = new RegExp(String.raw`^${SUFFIX_TEXT}(?!\d)`, 'i');

/** Reads an extension or direct-dial suffix at the start of `after`, the text after a number. */
export function readSuffix(after: string): Suffix | null {
  const m = SUFFIX.exec(after);
  if (!m) return null;
  const word = (m[1] ?? '').toLowerCase();
  const kind = word.startsWith('d') ? 'direct-dial' : 'extension';
  return { length: m[0].length, digits: m[2] ?? '', kind };
}

/**
 * A number with its direct-dial digits: they replace the switchboard's `-0`
 * (`089 1234-0, Durchwahl -15` is 089 123415), else follow the number.
 */
export function withDirectDial(number: string, digits: string): string {
  return number.replace(/-\s*0$/, '') + digits;
}

/** RFC 3966 `;ext=` form, so a number and its extension travel as one string. */
export function withExtension(e164: string, extension?: string): string {
  return extension ? `${e164};ext=${extension}` : e164;
}

/** Splits what `withExtension` joined. */
export function splitExtension(target: string): { number: string; extension?: string } {
  const m = /^(.*?);ext=(\d{1,6})$/.exec(target);
  return m ? { number: m[1] ?? '', extension: m[2] } : { number: target };
}
