/**
 * The typed message protocol shared by every context. One map from message name to request
 * and response types (`Messages`, in messages.ts); `sendMessage` and `handleMessages`
 * (runtime.ts) take their types from it, so sender and receiver cannot drift.
 */
import type { Messages } from './messages.ts';

export type MessageName = keyof Messages;
export type Request<K extends MessageName> = Messages[K]['request'];
export type Response<K extends MessageName> = Messages[K]['response'];

/** The commands on one call (`call.hold`, `call.mute`, ...), each with a `callId`. */
export type CallCommandName = Extract<MessageName, `call.${string}`>;

/**
 * Which context a message is for: every runtime listener sees every runtime message, so each
 * one answers only its own. `all` is for pushes that nobody answers. `content` is a CRM tab's
 * content scripts, reached with chrome.tabs.sendMessage (src/protocol/tab-messages.ts).
 */
export type Target = 'hub' | 'engine' | 'views' | 'content' | 'all';

export interface Envelope<K extends MessageName = MessageName> {
  to: Target;
  name: K;
  payload: Request<K>;
}

export type Reply<K extends MessageName> =
  { ok: true; value: Response<K> } | { ok: false; error: string };

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.to === 'string' && typeof v.name === 'string' && 'payload' in v;
}
