/**
 * A call's log as the hub queues it and a CRM adapter writes it (src/hub/call-log-queue.ts,
 * CrmApi.logCall). Plain data: it is stored in `chrome.storage.local` and crosses messaging
 * to the content script of a CRM whose API runs in the page (Zendesk).
 */
import type { CallDirection, CrmName, RecordRef } from './phone-state.ts';

export type CallOutcome = 'answered' | 'missed' | 'busy' | 'no-answer' | 'failed';

/** One call to write to one CRM, exactly once. Built by the hub after wrap-up. */
export interface CallLogEntry {
  /** The engine's call id: the key that makes the write idempotent. */
  callId: string;
  crm: CrmName;
  /** Origin of the CRM web app the target record lives in (which org or subdomain). */
  origin: string;
  direction: CallDirection;
  /** The other party, E.164. */
  number: string;
  /** The agent's own number or extension, when known. */
  ownNumber?: string;
  startedAt: number;
  answeredAt?: number;
  endedAt: number;
  outcome: CallOutcome;
  /** The record the call belongs to: dialled from, or picked by the agent (C25, C26). */
  target: RecordRef;
  /** Optionally also the target's company or account. */
  related?: RecordRef;
  /** Plain text in the agent's language, composed by the hub. */
  subject: string;
  notes?: string;
}

export interface CallLogResult {
  /** The CRM's id of the written log (Task, call, ticket or comment). */
  remoteId: string;
  /** false when an earlier attempt had already written it (found by the call id). */
  created: boolean;
}
