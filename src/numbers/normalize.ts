/**
 * Unicode clean-up before number detection. Text copied from web pages carries look-alike
 * characters (C24): no-break and thin spaces, the non-breaking hyphen U+2011, en and em dashes,
 * zero-width spaces and joiners, full-width digits. Each is mapped to its plain ASCII twin.
 *
 * The mapping is one character to one character, so every offset in the result is the same
 * offset in the input: the scanner maps matches back to DOM ranges through it. Zero-width and
 * other invisible characters become `IGNORABLE`, which the detector skips inside a number.
 */

/** Stands in for an invisible character; never part of a digit string. */
export const IGNORABLE = '\u200b';

const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\r\n\f\v]/g;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const FULLWIDTH = /[\uff08\uff09\uff0b\uff0e\uff0f\uff10-\uff19]/g;
const ARABIC_INDIC = /[\u0660-\u0669\u06f0-\u06f9]/g;

/** Any character one of the replacements below would touch: most text has none. */
const ANY = new RegExp(
  [SPACES, DASHES, INVISIBLE, FULLWIDTH, ARABIC_INDIC].map((re) => re.source).join('|'),
);

/** Returns `text` with look-alikes replaced; always the same length as `text`. */
export function normalizeText(text: string): string {
  if (!ANY.test(text)) return text;
  return text
    .replace(SPACES, ' ')
    .replace(DASHES, '-')
    .replace(INVISIBLE, IGNORABLE)
    .replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(ARABIC_INDIC, (c) => String(c.charCodeAt(0) & 0xf));
}

/**
 * A calling code followed by the trunk prefix in brackets (C24): `+49 (0)30`, `0049 (0)30`,
 * `49(0)30`. The `(0)` is not dialled after a calling code; group 2 is the calling code.
 */
export const CC_WITH_TRUNK = /^\(?(\+|00)?\s*([1-9]\d{0,2})\s*\)?\s*\(\s*0\s*\)\s*/;
