/**
 * The offscreen document has only `chrome.runtime`, no `chrome.i18n`, so the engine's own
 * refusals meant for the agent (no microphone, no account) travel as catalogue keys with the
 * `engine` prefix. The hub has the catalogue: it turns them into text before a view sees them.
 */
import { t } from '../core/i18n.ts';
import { MessageError } from '../protocol/runtime.ts';

const ENGINE_KEY = /^engine[A-Z]\w*$/;

export function localizeEngineError(error: unknown): unknown {
  if (!(error instanceof MessageError) || !ENGINE_KEY.test(error.message)) return error;
  return new MessageError(error.messageName, t(error.message));
}
