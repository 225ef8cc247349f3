/** What a Phone is made with, and a small helper it needs. */
import type { SessionDescriptionHandlerFactory } from 'sip.js';
import type { Logger } from '../core/logger.ts';
import type { CallSnapshot, PhoneSnapshot } from '../protocol/phone-state.ts';
import type { AccountSettings } from './account.ts';

export interface PhoneOptions {
  account: AccountSettings;
  /** Node passes the media-less handler; the browser passes none and gets `WebHandler`. */
  sessionDescriptionHandlerFactory?: SessionDescriptionHandlerFactory;
  /** Browser only: a call's remote audio is available (or gone), for the host to play. */
  onRemoteMedia?: (callId: string, stream: MediaStream | null) => void;
  /** Browser only: microphone constraints (deviceId). */
  mediaConstraints?: MediaStreamConstraints;
  /** A second incoming call rings (default); false: it is refused 486 without ringing. */
  callWaiting?: boolean;
  logger?: Logger;
  /** Seconds between keep-alive OPTIONS to the registrar; 0 turns them off. Default 25. */
  keepAliveSeconds?: number;
  /** sip.js's own log level, routed through `logger`. Default `warn`. */
  sipLogLevel?: 'debug' | 'log' | 'warn' | 'error';
}

/** Waits for `work`, but not longer than `ms`. */
export function withTimeout(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export type PhoneListener = (snapshot: PhoneSnapshot, changed?: CallSnapshot) => void;
