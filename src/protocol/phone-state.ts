/**
 * Snapshots of the phone's state, as the engine publishes them to the views. Plain data
 * (structured-clone safe) so they cross `chrome.runtime` messaging unchanged.
 */

import type { FieldProblem } from '../settings/checks/problem.ts';

export type RegistrationState = 'unregistered' | 'registering' | 'registered' | 'failed';

/** `no-account`: the settings name no account (a fresh install), so nothing registers. */
export type RegistrationFailure =
  | 'credentials-rejected'
  | 'server-unreachable'
  | 'server-error'
  | 'invalid-settings'
  | 'no-account';

/** The account's fields, as the engine names them (`EngineAccount` in messages.ts). */
export type AccountField =
  | 'server'
  | 'sipUri'
  | 'authorizationUser'
  | 'password'
  | 'displayName'
  | 'iceServers'
  | 'registerExpires';

export interface AccountProblem extends FieldProblem {
  field: AccountField;
}

/**
 * What went wrong on the way to the registrar, as a code: the engine has no message catalogue,
 * so the views put it into the agent's language (`registrationDetail`).
 */
export type RegistrationCause =
  'connect-failed' | 'connection-lost' | 'reconnect-failed' | 'refresh-failed';

export interface RegistrationSnapshot {
  state: RegistrationState;
  /**
   * Set when state is `failed`, while `registering` again after one (with its cause and detail),
   * and with `unregistered` when there is no account to register.
   */
  failure?: RegistrationFailure;
  /** Set when the failure came from the connection or a refresh, not a REGISTER response. */
  cause?: RegistrationCause;
  /** The SIP status (`403 Forbidden`) or the transport's own error text, shown as is. */
  detail?: string;
  /** With `invalid-settings`: each field the engine refused, as a code the views translate. */
  problems?: AccountProblem[];
  /** Epoch ms of the next automatic attempt, when one is scheduled. */
  retryAt?: number;
  since: number;
}

/**
 * Whether a connection that worked with these settings was lost and the engine is getting it
 * back by itself: nothing in the settings to check, only to wait. A server never reached with
 * them fails as `connect-failed` instead, most likely a wrong address.
 */
export function isReconnecting({ cause }: RegistrationSnapshot): boolean {
  return cause === 'connection-lost' || cause === 'reconnect-failed';
}

export type CallDirection = 'outbound' | 'inbound';

/** See `src/engine/call-machine.ts` for the transitions. */
export type CallState = 'dialing' | 'ringing' | 'incoming' | 'active' | 'ended';

export type EndCause =
  | 'local-hangup'
  | 'remote-hangup'
  | 'busy'
  | 'declined'
  | 'not-found'
  | 'no-answer'
  | 'cancelled'
  | 'missed'
  | 'transferred'
  | 'connection-lost'
  | 'microphone-unavailable'
  | 'failed';

export type CrmName = 'salesforce' | 'hubspot' | 'zendesk';

/** The CRM record a call belongs to: where it was dialled from, or the caller's match. */
export interface RecordRef {
  crm: CrmName;
  type: string;
  id: string;
  name?: string;
  url?: string;
}

export type TransferState = 'pending' | 'accepted' | 'failed' | 'succeeded';

export interface CallSnapshot {
  id: string;
  direction: CallDirection;
  state: CallState;
  /** E.164 where it could be derived, else the SIP user part. */
  remoteNumber: string;
  /** Untrusted text from the far end: render as text only. */
  remoteName?: string;
  muted: boolean;
  held: boolean;
  /** A hold or resume re-INVITE is in flight. */
  holdPending: boolean;
  /** Set when the last hold or resume failed, cleared by the next attempt. */
  holdError?: string;
  /** The far end has put this call on hold (its last SDP direction was sendonly/inactive). */
  remoteHeld: boolean;
  /** DTMF digits received from the far end (SIP INFO), newest last, at most 32. */
  dtmfReceived?: string;
  createdAt: number;
  answeredAt?: number;
  endedAt?: number;
  endCause?: EndCause;
  /** SIP status and reason, or a transport detail, explaining the end. */
  endDetail?: string;
  transfer?: { target: string; state: TransferState; detail?: string };
  record?: RecordRef;
}

/**
 * `not-yet-allowed`: the permission is still at Chrome's `prompt`, neither allowed nor blocked
 * (a fresh install, or a prompt dismissed without an answer).
 */
export type MediaStatus = 'unknown' | 'ok' | 'not-yet-allowed' | 'blocked' | 'missing';

/** Whether calls need the agent to do something about the microphone first. */
export const microphoneNeedsSetup = (media: MediaStatus | undefined): boolean =>
  media === 'not-yet-allowed' || media === 'blocked' || media === 'missing';

export interface PhoneSnapshot {
  registration: RegistrationSnapshot;
  calls: CallSnapshot[];
  media: MediaStatus;
}
