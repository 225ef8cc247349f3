/** Conditions a caller of the engine can handle, each with a stable code. */
export type EngineErrorCode =
  | 'not-started'
  | 'not-connected'
  | 'login-rejected'
  | 'invalid-target'
  | 'invalid-tones'
  | 'no-such-call'
  | 'invalid-state'
  | 'hold-failed'
  | 'transfer-failed';

export class EngineError extends Error {
  override readonly name = 'EngineError';

  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
