/**
 * The part of the engine's API (src/engine/index.ts) that the host uses, restated so that the
 * host builds and is tested on its own; extension/offscreen/main.ts passes the real `Phone`.
 * TODO(#3): import these types from src/engine once the engine has landed on main.
 */
import type { Logger } from '../core/logger.ts';
import type { EngineAccount, FieldError } from '../protocol/messages.ts';
import type { CallSnapshot, PhoneSnapshot, RecordRef } from '../protocol/phone-state.ts';

export interface PhoneOptionsLike {
  account: EngineAccount;
  onRemoteMedia?: (callId: string, stream: MediaStream | null) => void;
  mediaConstraints?: MediaStreamConstraints;
  callWaiting?: boolean;
  logger?: Logger;
}

export interface PhoneLike {
  start(): Promise<void>;
  stop(): Promise<void>;
  reconfigure(account: EngineAccount): Promise<void>;
  dial(target: string, options?: { record?: RecordRef }): Promise<string>;
  answer(callId: string): Promise<void>;
  decline(callId: string, code?: 486 | 603): Promise<void>;
  hangup(callId: string): Promise<void>;
  setMuted(callId: string, muted: boolean): void;
  setHeld(callId: string, held: boolean): Promise<void>;
  sendDtmf(callId: string, tones: string): Promise<void>;
  transfer(callId: string, target: string): Promise<void>;
  snapshot(): PhoneSnapshot;
  onChange(listener: (snapshot: PhoneSnapshot, changed?: CallSnapshot) => void): () => void;
}

export type ValidationResult =
  { ok: true; account: EngineAccount } | { ok: false; errors: FieldError[] };

export interface EngineApi {
  createPhone(options: PhoneOptionsLike): PhoneLike;
  validateAccount(input: Partial<EngineAccount>): ValidationResult;
}
