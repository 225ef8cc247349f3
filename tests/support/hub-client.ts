/**
 * Talks to the extension's hub from an extension page, the way the views do: the same
 * envelopes and replies as src/protocol/runtime.ts, typed from the same message map.
 */
import type { Page, Worker } from 'playwright-core';
import type { MessageName, Reply, Request, Response } from '../../src/protocol/channel.ts';
import type { PhoneSnapshot } from '../../src/protocol/phone-state.ts';

export interface HubClient {
  page: Page;
  send<K extends MessageName>(name: K, payload: Request<K>): Promise<Response<K>>;
  /** Polls the phone's snapshot until `test` holds; returns that snapshot. */
  until(test: (s: PhoneSnapshot) => boolean, timeoutMs?: number): Promise<PhoneSnapshot>;
  /** The raw reply, for tests that expect a refusal. */
  reply<K extends MessageName>(name: K, payload: unknown): Promise<Reply<K>>;
}

export function hubClient(page: Page): HubClient {
  const reply = async <K extends MessageName>(name: K, payload: unknown): Promise<Reply<K>> =>
    page.evaluate<Reply<K>, readonly [K, unknown]>(
      ([n, p]) => chrome.runtime.sendMessage({ to: 'hub', name: n, payload: p }),
      [name, payload],
    );

  const send = async <K extends MessageName>(name: K, payload: Request<K>) => {
    const answer = await reply(name, payload);
    if (!answer.ok) throw new Error(`${name} refused: ${answer.error}`);
    return answer.value;
  };

  const until = async (test: (s: PhoneSnapshot) => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const snapshot = await send('phone.snapshot', null);
      if (test(snapshot)) return snapshot;
      if (Date.now() > deadline) {
        throw new Error(`phone never reached the expected state: ${JSON.stringify(snapshot)}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  return { page, reply, send, until };
}

interface HubGlobal {
  ctiHub: {
    onCommand(command: string): Promise<string | null>;
    onNotificationButton(id: string, index: number): Promise<void>;
  };
}

/** Runs a keyboard shortcut's handler in the service worker, as chrome.commands would. */
export function runCommand(worker: Worker, command: string): Promise<string | null> {
  return worker.evaluate((c) => (self as unknown as HubGlobal).ctiHub.onCommand(c), command);
}

/** Presses a notification button (0 answer, 1 decline) through the worker's handler. */
export function pressNotificationButton(worker: Worker, id: string, index: number): Promise<void> {
  return worker.evaluate(
    ([n, i]) => (self as unknown as HubGlobal).ctiHub.onNotificationButton(n, i),
    [id, index] as const,
  );
}
