/**
 * What a field check answers: the normalised value, or a code with the parameters its message
 * needs. Codes, not sentences: the engine runs where there is no message catalogue, and each
 * view renders the code in the agent's language (`fieldMessageName`, public/_locales).
 */

export const FIELD_CODES = [
  'required',
  'tooLong',
  'tooMany',
  'invalidChars',
  'invalidUrl',
  'urlCredentials',
  'urlFragment',
  'insecureUrl',
  'missingHost',
  'invalidPort',
  'invalidHost',
  'invalidSipUri',
  'sipUriParams',
  'outOfRange',
  'unknownCountry',
  'invalidPrefix',
  'notIntlPrefix',
  'invalidIceUrl',
  'iceTransport',
  'iceSlashes',
  'turnNeedsCredentials',
  'invalidLabel',
  'hostOnly',
  'badWildcard',
  'wildcardTooBroad',
  'ipNotHost',
  'notCrmHost',
  'hostTwice',
  'hostOverlap',
  'invalidNumber',
] as const;

export type FieldCode = (typeof FIELD_CODES)[number];

/** A refusal: `params` fill the message's `$1`, `$2` (untrusted echoes: render as text). */
export interface FieldProblem {
  code: FieldCode;
  params?: string[];
}

export type Checked<T> = { ok: true; value: T } | ({ ok: false } & FieldProblem);

export const ok = <T>(value: T): Checked<T> => ({ ok: true, value });

export const fail = <T>(code: FieldCode, ...params: (string | number)[]): Checked<T> =>
  params.length > 0 ? { ok: false, code, params: params.map(String) } : { ok: false, code };

/** The problem alone, without the `ok` flag, for messages between contexts. */
export function problemOf(check: { ok: false } & FieldProblem): FieldProblem {
  return check.params ? { code: check.code, params: check.params } : { code: check.code };
}

export const isFieldCode = (value: string): value is FieldCode =>
  (FIELD_CODES as readonly string[]).includes(value);

/** `invalidPort` → `fieldErrInvalidPort`, the key in public/_locales. */
export const fieldMessageName = (code: FieldCode): string =>
  `fieldErr${code.charAt(0).toUpperCase()}${code.slice(1)}`;

/** The problem in the catalogue's words; `translate` is the caller's `t`. */
export function describeProblem(
  problem: FieldProblem,
  translate: (key: string, substitutions: string[]) => string,
): string {
  const params = problem.params ?? [];
  if (problem.code === 'invalidChars' && params[0]?.startsWith('U+')) {
    // A space is named as one; other invisible characters by their code point (showChar).
    const char = String.fromCodePoint(parseInt(params[0].slice(2), 16));
    return /\p{Z}/u.test(char)
      ? translate('fieldErrSpace', [])
      : translate('fieldErrInvisibleChar', params);
  }
  return translate(fieldMessageName(problem.code), params);
}

/** A character as the agent can read it: control characters and spaces as `U+0007`. */
export function showChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  // Control characters and spaces cannot be read in quotes: named by their code point.
  return /[\p{Cc}\p{Z}]/u.test(char)
    ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    : char;
}
