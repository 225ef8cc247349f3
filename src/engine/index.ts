/** The phone engine: sip.js underneath, a small typed API with snapshots on top. */
export { validateAccount, accountDomain } from './account.ts';
export type {
  AccountSettings,
  AccountError,
  AccountValidation,
  IceServerSettings,
} from './account.ts';
export { Phone } from './phone.ts';
export type { PhoneOptions, PhoneListener } from './phone-options.ts';
export { EngineError } from './errors.ts';
export type { EngineErrorCode } from './errors.ts';
export { PlainSdpHandler, plainSdpHandlerFactory } from './plain-sdp-handler.ts';
export type {
  CallSnapshot,
  PhoneSnapshot,
  RegistrationSnapshot,
  RecordRef,
} from '../protocol/phone-state.ts';
