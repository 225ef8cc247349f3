/**
 * Talks to the extension's hub from an extension page, the way the views do: the same
 * envelopes and replies as src/protocol/runtime.ts, typed from the same message map.
 */
import type { Page } from 'playwright-core';
import type { MessageName, Reply, Request, Response } from '../../src/protocol/channel.ts';

export interface HubClient {
  page: Page;
  send<K extends MessageName>(name: K, payload: Request<K>): Promise<Response<K>>;
  /** The raw reply, for tests that expect a refusal. */
  reply<K extends MessageName>(name: K, payload: unknown): Promise<Reply<K>>;
}

export function hubClient(page: Page): HubClient {
  const reply = async <K extends MessageName>(name: K, payload: unknown): Promise<Reply<K>> =>
    page.evaluate<Reply<K>, readonly [K, unknown]>(
      ([n, p]) => chrome.runtime.sendMessage({ to: 'hub', name: n, payload: p }),
      [name, payload],
    );

  return {
    page,
    reply,
    send: async (name, payload) => {
      const answer = await reply(name, payload);
      if (!answer.ok) throw new Error(`${name} refused: ${answer.error}`);
      return answer.value;
    },
  };
}
