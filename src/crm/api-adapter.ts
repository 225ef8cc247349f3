/**
 * The API side of a CRM adapter: looking a caller up, building record links, and writing the
 * call log. The page side (finding numbers in a CRM's pages) is `CrmPage` in page-adapter.ts.
 *
 * Where it runs (`runsIn`):
 * - `worker`: in the service worker, with the extension's host permissions. Salesforce (the
 *   `sid` cookie of the org's API host, read with `chrome.cookies`) and HubSpot (a private-app
 *   token from the settings or admin policy).
 * - `page`: in the hub too, but its requests go out from an open agent tab, with the page's
 *   own session cookies. Zendesk, whose API accepts the agent's session for same-origin
 *   requests: the tab's content script only relays each request (`crm.fetch`).
 *
 * Everything a CRM returns is untrusted text: names and fields are data for `textContent`,
 * never markup.
 *
 * Failures: a CRM's refusal is a `CrmError` whose kind the UI explains (signin, forbidden,
 * ratelimited, notfound, unavailable). A plain Error means our request was wrong: a bug.
 */
import type { CallLogEntry, CallLogResult } from '../protocol/call-log.ts';
import type { CrmMatch } from '../protocol/caller-card.ts';
import type { CrmName, RecordRef } from '../protocol/phone-state.ts';

export type { CrmItem, CrmMatch } from '../protocol/caller-card.ts';

export interface LookupOptions {
  /** ISO 3166 alpha-2 country for stored numbers written without a country code. */
  defaultCountry: string;
  /** The agent's own numbers (E.164): never matched as the counterparty (C25). */
  ownNumbers?: readonly string[];
  signal?: AbortSignal;
}

export type { CallLogEntry, CallLogResult, CallOutcome } from '../protocol/call-log.ts';

export type RunsIn = 'worker' | 'page';

/** How the adapter proves who the agent is; shown in the options page. */
export type CrmAuth = 'api-host-session' | 'page-session' | 'private-app-token';

export interface CrmApi {
  readonly crm: CrmName;
  readonly runsIn: RunsIn;
  readonly auth: CrmAuth;
  /** Every match for the number, ranked best first (exact E.164 before looser matches). */
  lookup(e164: string, options: LookupOptions): Promise<CrmMatch[]>;
  /** The record's page in the CRM's web app, for links and screen-pop. */
  recordUrl(ref: RecordRef): Promise<string>;
  /** A page where the agent can create a contact for an unknown caller. */
  createContactUrl(e164: string): Promise<string>;
  /**
   * Writes the call log. Idempotent by `entry.callId`: before creating, the adapter looks for a
   * log an earlier attempt may have written (response lost), so a retry never duplicates.
   */
  logCall(entry: CallLogEntry, options?: { signal?: AbortSignal }): Promise<CallLogResult>;
  /** Resolves when the CRM accepts our credentials; throws a CrmError saying why not. */
  checkSession(options?: { signal?: AbortSignal }): Promise<void>;
}

/** What every adapter factory needs; each CRM adds its own credentials source. */
export interface CrmApiDeps {
  /** Origin of the CRM web app the agent uses, e.g. `https://acme.lightning.force.com`. */
  origin: string;
  fetch: typeof fetch;
  /** Per request; lookups must answer while the phone still rings. */
  timeoutMs?: number;
}
