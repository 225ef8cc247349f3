/**
 * `sendToTab`: the hub's typed request to the content scripts of one tab (target `content`),
 * answered by `handleMessages('content', ...)` there. Only the top frame is asked: the CRM
 * content scripts run there (an agent page's iframes are not ours).
 * https://developer.chrome.com/docs/extensions/reference/api/tabs#method-sendMessage
 */
import type { Envelope, MessageName, Reply, Request, Response } from './channel.ts';
import { MessageError, NoReceiverError } from './runtime.ts';

const NO_RECEIVER = /Receiving end does not exist|Could not establish connection/;

export async function sendToTab<K extends MessageName>(
  tabId: number,
  name: K,
  payload: Request<K>,
): Promise<Response<K>> {
  const envelope: Envelope<K> = { to: 'content', name, payload };
  let reply: unknown;
  try {
    reply = await chrome.tabs.sendMessage(tabId, envelope, { frameId: 0 });
  } catch (err) {
    if (NO_RECEIVER.test(String(err))) throw new NoReceiverError(name);
    throw err;
  }

  const answer = reply as Reply<K> | undefined;
  if (typeof answer?.ok !== 'boolean') throw new NoReceiverError(name);
  if (!answer.ok) throw new MessageError(name, answer.error);
  return answer.value;
}

export type SendToTab = typeof sendToTab;
