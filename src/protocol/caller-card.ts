/**
 * The caller card: what each CRM knows about the other party of a call, as the hub publishes
 * it to the views (`caller.card`) while lookups come in. Plain data (structured-clone safe).
 * Every text field comes from a CRM or a caller: render it as text, never as HTML (C28).
 */
import type { CallDirection, CrmName, RecordRef } from './phone-state.ts';

/** An open case (Salesforce), ticket (Zendesk) or deal (HubSpot) of a matched record. */
export interface CrmItem {
  kind: 'case' | 'ticket' | 'deal';
  label: string;
  status: string;
  /** ISO 8601: when it was opened (cases, tickets, deals). */
  date: string;
  url?: string;
}

export interface CrmMatch {
  crm: CrmName;
  /** The record itself: type as the CRM names it (`Contact`, `contact`, `user`), id, url. */
  ref: RecordRef;
  name: string;
  company?: string;
  title?: string;
  owner?: string;
  /** Phone fields as the CRM stores them. */
  phones: string[];
  /** Open items, newest first. */
  items: CrmItem[];
  /** ISO 8601 date of the last activity the CRM knows of. */
  lastInteraction?: string;
  url: string;
  /** Higher is better; see src/crm/match-score.ts. */
  score: number;
  /** A phone field normalises to exactly the caller's E.164 number. */
  exact: boolean;
  /** The company or account of a person, to log on as well (C25). */
  related?: RecordRef;
}

export type CardStatus = 'looking' | 'found' | 'none' | 'error';

/** The ways a CRM request fails that the UI explains (src/crm/crm-error.ts). */
export type CrmErrorKind = 'signin' | 'forbidden' | 'ratelimited' | 'notfound' | 'unavailable';

/** Why a CRM could not be asked; `notfound` from a CRM reads as `none`. */
export type CardErrorKind = Exclude<CrmErrorKind, 'notfound'>;

export interface CrmCardState {
  crm: CrmName;
  status: CardStatus;
  /** Best first. */
  matches: CrmMatch[];
  errorKind?: CardErrorKind;
  /** Where the agent creates a contact for an unknown caller (status `none`). */
  createUrl?: string;
}

export interface CallerCard {
  callId: string;
  /** E.164, or the SIP user part when it is no phone number. */
  number: string;
  direction: CallDirection;
  /** Untrusted display name from the SIP headers. */
  remoteName?: string;
  /** Why nothing was looked up: the agent's own number (C25) or not a phone number. */
  skipped?: 'own-number' | 'not-a-number';
  crms: Partial<Record<CrmName, CrmCardState>>;
  /** The match the agent picked: the record the call is logged on (C25, C26). */
  picked?: RecordRef;
  /** The record an outbound call was dialled from (click-to-call); it is logged there. */
  dialledFrom?: RecordRef;
  answeredAt?: number;
  /**
   * The CRM tab the agent used last when the call came in: its dock unfolds with the card,
   * the docks of other tabs stay as the agent left them.
   */
  dockTabId?: number;
  /** CRMs whose tab already showed the caller's record for this call. */
  popped: CrmName[];
  createdAt: number;
}

/**
 * Whether the hub can reach a CRM on the agent's behalf (options page): `connected`, or why
 * not: a CrmError kind, `no-tab` (the CRM's session or org comes from an open agent tab, and
 * none is open), `disabled` (switched off in the settings).
 */
export type CrmConnection = CardErrorKind | 'connected' | 'no-tab' | 'disabled';

export interface CrmStatus {
  crm: CrmName;
  state: CrmConnection;
}
