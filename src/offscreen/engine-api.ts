/**
 * The part of the engine (src/engine) that the host uses, taken from the engine's own types.
 * The host receives it from extension/offscreen/main.ts rather than importing `Phone` itself,
 * so that its logic is unit-tested with a recording phone.
 */
import type { AccountSettings, AccountValidation, Phone, PhoneOptions } from '../engine/index.ts';

export type PhoneOptionsLike = PhoneOptions;

export type PhoneLike = Pick<
  Phone,
  | 'start'
  | 'stop'
  | 'reconfigure'
  | 'dial'
  | 'answer'
  | 'decline'
  | 'hangup'
  | 'setMuted'
  | 'setHeld'
  | 'sendDtmf'
  | 'transfer'
  | 'snapshot'
  | 'onChange'
>;

export interface EngineApi {
  createPhone(options: PhoneOptions): PhoneLike;
  validateAccount(input: Partial<AccountSettings>): AccountValidation;
}
