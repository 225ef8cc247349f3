/**
 * What the dock's caller card shows: one CRM's lookup of the calling number. Every string
 * here comes from the CRM or the caller and is rendered as text only.
 */

export type CallerStatus = 'looking' | 'found' | 'none' | 'error';

/** Why a CRM could not be asked (DESIGN.md, CRM adapters: failure kinds). */
export type CallerErrorKind = 'signin' | 'forbidden' | 'ratelimited' | 'unavailable';

/** An open case (Salesforce), ticket (Zendesk) or deal (HubSpot). */
export interface CallerItem {
  label: string;
  status: string;
  /** ISO 8601; shown as a local date, or as given when it does not parse. */
  date?: string;
  /** The case, ticket or deal in the CRM; only http(s) URLs become links. */
  url?: string;
}

export interface CallerMatch {
  name: string;
  /** Company or account. */
  company?: string;
  title?: string;
  owner?: string;
  /** Newest first, as the adapter returns them. */
  items: CallerItem[];
  /** ISO 8601 date of the last call, email or meeting. */
  lastInteraction?: string;
  /** The record in the CRM; only http(s) URLs become links. */
  url?: string;
  /** Higher is better: an exact E.164 match ranks above looser ones. */
  score: number;
}

export interface CallerLookup {
  /** The CRM's name as a heading, e.g. "Salesforce". */
  crmLabel: string;
  /** The caller's number, shown on the unknown-caller card. */
  number: string;
  status: CallerStatus;
  matches: CallerMatch[];
  /** Set when `status` is `error`. */
  errorKind?: CallerErrorKind;
  /** Where to create a contact for an unknown caller (http(s) only). */
  createContactUrl?: string;
  /** Index into `matches` of the pick remembered for this call; default the best score. */
  picked?: number;
}
