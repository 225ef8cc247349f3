/**
 * The hub's line to the engine in the offscreen document. The document is created once (one
 * shared creation promise, after a `getContexts` check) and re-created when missing; commands
 * wait until the engine answers, not merely until the document exists, and until it holds
 * the current configuration (field case C15). Nothing here needs to outlive the worker: on
 * wake, the engine itself says whether it is there and which configuration it has.
 */
import { createLogger } from '../core/logger.ts';
import { PAGES } from '../core/pages.ts';
import type { MessageName, Request, Response } from '../protocol/channel.ts';
import type { EngineConfig } from '../protocol/messages.ts';
import { NoReceiverError, sendMessage } from '../protocol/runtime.ts';

const log = createLogger('hub:engine');

/** How long a starting document may take to answer before a command fails. */
const READY_TIMEOUT_MS = 10_000;
const HELLO_RETRY_MS = 100;

export interface EngineLink {
  /** Resolves once the engine answers with the current configuration. */
  ready(): Promise<void>;
  send<K extends MessageName>(name: K, payload: Request<K>): Promise<Response<K>>;
  /** The offscreen document said it listens now. */
  notifyReady(): void;
  /** Settings changed: send the new configuration if the engine's differs. */
  reconfigure(): Promise<void>;
  /** Keep-alive: re-create the document if Chrome closed it, and configure it again. */
  revive(): Promise<void>;
}

/** FNV-1a: tells configurations apart without keeping or sending the password twice. */
export function configHash(config: EngineConfig): string {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(config)) {
    h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  }
  return h.toString(16);
}

export function createEngineLink(loadConfig: () => Promise<EngineConfig>): EngineLink {
  let creating: Promise<void> | null = null;
  let readiness: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  const documentExists = async (): Promise<boolean> => {
    const found = await chrome.runtime.getContexts({
      contextTypes: ['OFFSCREEN_DOCUMENT'],
      documentUrls: [chrome.runtime.getURL(PAGES.offscreen)],
    });
    return found.length > 0;
  };

  const ensureDocument = async (): Promise<void> => {
    if (creating) return creating;
    if (await documentExists()) return;

    // Reasons that cover the microphone and WebRTC: a document kept only for audio playback
    // is closed after 30 s of silence.
    // https://developer.chrome.com/docs/extensions/reference/api/offscreen#reasons
    creating ??= chrome.offscreen
      .createDocument({
        url: PAGES.offscreen,
        reasons: ['USER_MEDIA', 'WEB_RTC'],
        justification: 'Hosts the softphone: SIP registration, calls and their audio.',
      })
      .catch((err: unknown) => {
        // A worker stopped mid-creation may have left one being made: that one will do.
        if (!/single offscreen/i.test(String(err))) throw err;
      })
      .finally(() => (creating = null));
    log.info('creating the offscreen document');
    return creating;
  };

  const configure = async (
    engineHash: string | null,
    pending: Promise<EngineConfig> = loadConfig(),
  ): Promise<void> => {
    const config = await pending;
    const hash = configHash(config);
    if (hash === engineHash) return;
    await sendMessage('engine', 'engine.configure', { config, hash });
  };

  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, HELLO_RETRY_MS);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const connect = async (): Promise<void> => {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      await ensureDocument();
      // Read the settings while the engine answers: this is on the path of every first
      // command after the worker wakes.
      const config = loadConfig();
      config.catch(() => undefined);
      try {
        const { configHash: engineHash } = await sendMessage('engine', 'engine.hello', null);
        await configure(engineHash, config);
        return;
      } catch (err) {
        if (!(err instanceof NoReceiverError) || Date.now() > deadline) throw err;
      }
      await pause();
    }
  };

  const ready = (): Promise<void> => {
    readiness ??= connect().catch((err: unknown) => {
      readiness = null;
      throw err;
    });
    return readiness;
  };

  const send = async <K extends MessageName>(name: K, payload: Request<K>) => {
    await ready();
    try {
      return await sendMessage('engine', name, payload);
    } catch (err) {
      if (!(err instanceof NoReceiverError)) throw err;
      // The document went away after it was ready (closed or crashed): make a new one.
      log.warn('engine gone; re-creating it');
      readiness = null;
      await ready();
      return sendMessage('engine', name, payload);
    }
  };

  return {
    ready,
    send,
    notifyReady: () => {
      wake?.();
      void ready().catch((err: unknown) => log.error('engine did not become ready', err));
    },
    reconfigure: async () => {
      await ready();
      const { configHash: engineHash } = await sendMessage('engine', 'engine.hello', null);
      await configure(engineHash);
    },
    revive: async () => {
      if (!creating && !(await documentExists())) readiness = null;
      await ready();
    },
  };
}
