/**
 * `sendMessage` and `handleMessages`: the only way contexts talk, typed from the message map.
 * Built on `chrome.runtime` messaging, where every listener in the extension sees every
 * message and the first to answer wins; so each listener answers only its own target.
 */
import {
  isEnvelope,
  type Envelope,
  type MessageName,
  type Reply,
  type Request,
  type Response,
  type Target,
} from './channel.ts';
import { createLogger } from '../core/logger.ts';

const log = createLogger('protocol');

export type Sender = chrome.runtime.MessageSender;

/** The receiver refused or failed the request; `message` says why. */
export class MessageError extends Error {
  constructor(
    readonly messageName: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/** Nobody listens for this target (yet): e.g. the offscreen document is still starting. */
export class NoReceiverError extends MessageError {
  constructor(messageName: string) {
    super(messageName, `no receiver for ${messageName}`);
    this.name = 'NoReceiverError';
  }
}

const NO_RECEIVER = /Receiving end does not exist|Could not establish connection/;

function isReply(value: unknown): value is Reply<MessageName> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Reply<MessageName>).ok === 'boolean'
  );
}

export async function sendMessage<K extends MessageName>(
  to: Exclude<Target, 'all'>,
  name: K,
  payload: Request<K>,
): Promise<Response<K>> {
  const envelope: Envelope<K> = { to, name, payload };
  let reply: unknown;
  try {
    reply = await chrome.runtime.sendMessage(envelope);
  } catch (err) {
    if (NO_RECEIVER.test(String(err))) throw new NoReceiverError(name);
    throw err;
  }

  // Listeners exist but none is the target: the same as nobody listening.
  if (!isReply(reply)) throw new NoReceiverError(name);
  if (!reply.ok) throw new MessageError(name, reply.error);
  return reply.value;
}

/** Send to every context that handles `name`; nobody listening is fine. */
export async function pushMessage<K extends MessageName>(
  name: K,
  payload: Request<K>,
): Promise<void> {
  const envelope: Envelope<K> = { to: 'all', name, payload };
  try {
    await chrome.runtime.sendMessage(envelope);
  } catch (err) {
    if (!NO_RECEIVER.test(String(err))) throw err;
  }
}

export type Handler<K extends MessageName> = (
  payload: Request<K>,
  sender: Sender,
) => Response<K> | Promise<Response<K>>;

export type Handlers = { [K in MessageName]?: Handler<K> };

export interface HandleOptions {
  /** Checks sender and payload before the handler runs: a refusal reason, or null. */
  admit?(envelope: Envelope, sender: Sender): string | null;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Answer the messages sent to `target` (and pushes to `all`) that `handlers` names. */
export function handleMessages(
  target: Exclude<Target, 'all'>,
  handlers: Handlers,
  options: HandleOptions = {},
): () => void {
  const listener = (message: unknown, sender: Sender, respond: (r: Reply<MessageName>) => void) => {
    if (!isEnvelope(message) || (message.to !== target && message.to !== 'all')) return false;
    const handler = handlers[message.name] as Handler<MessageName> | undefined;
    if (!handler) {
      // Hub and engine are single listeners: what they do not know, nobody will answer.
      // Views and content scripts are many, each handling its own names.
      if (message.to === target && target !== 'views' && target !== 'content') {
        respond({ ok: false, error: `${message.name} is not handled by ${target}` });
      }
      return false;
    }

    const refusal = options.admit?.(message, sender) ?? null;
    if (refusal !== null) {
      if (message.to !== 'all') respond({ ok: false, error: refusal });
      return false;
    }

    const result = Promise.resolve().then(() => handler(message.payload, sender));
    if (message.to === 'all') {
      result.catch((err: unknown) => log.error(`push ${message.name} failed`, err));
      return false;
    }
    result.then(
      (value) => respond({ ok: true, value }),
      (err: unknown) => respond({ ok: false, error: errorText(err) }),
    );
    return true;
  };

  chrome.runtime.onMessage.addListener(listener);
  return () => chrome.runtime.onMessage.removeListener(listener);
}
