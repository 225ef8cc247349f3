/** For the checks' tests: a check's outcome as one word, `ok` or the refusal's code. */
export const reason = (check: { ok: boolean; code?: string }): string | undefined =>
  check.ok ? 'ok' : check.code;
