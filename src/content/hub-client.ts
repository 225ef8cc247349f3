/**
 * Requests from the content script to the hub, through the typed protocol. The extension can
 * be reloaded under a running page: then `chrome.runtime.id` is gone and every call fails;
 * `extensionAlive()` lets each piece notice and tear itself down.
 */
import type { Envelope, MessageName, Reply, Request, Response } from '../protocol/channel.ts';

export class HubError extends Error {
  override name = 'HubError';
}

/**
 * Whether this script's extension still exists. `chrome.runtime.id` lingers for a while after
 * a reload, but any API call then throws "Extension context invalidated"; getURL is a cheap one.
 */
export function extensionAlive(): boolean {
  try {
    return (
      typeof chrome !== 'undefined' && Boolean(chrome.runtime?.id && chrome.runtime.getURL(''))
    );
  } catch {
    return false;
  }
}

export async function request<K extends MessageName>(
  name: K,
  payload: Request<K>,
): Promise<Response<K>> {
  if (!extensionAlive()) throw new HubError('extension context invalidated');
  const envelope: Envelope<K> = { to: 'hub', name, payload };
  const reply = await chrome.runtime.sendMessage<Envelope<K>, Reply<K> | undefined>(envelope);
  if (!reply) throw new HubError(`no answer to ${name}`);
  if (!reply.ok) throw new HubError(reply.error);
  return reply.value;
}
