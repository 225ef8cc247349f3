/**
 * Salesforce through its REST API, from the service worker, on the agent's own session: the
 * `sid` cookie of the org's API host (`<org>.my.salesforce.com`, read with chrome.cookies)
 * sent as `Authorization: Bearer <sid>`. Lightning pages live on `<org>.lightning.force.com`;
 * the API host is the same org's My Domain.
 * - lookup: one SOSL search over phone fields of Contact, Account and Lead for every stored
 *   form of the number and, in parallel, one SOQL query for the open Cases whose contact or
 *   account stores one of those forms literally; a second SOQL query only for matches whose
 *   number SOSL found in another form.
 * - logCall: a Task with TaskSubtype `Call`, CallType, CallDurationInSeconds, WhoId/WhatId and
 *   `CallObject` = our call id. Salesforce has no standard external id on Task, so the call id
 *   in CallObject is looked up (SOQL) before creating: a retry after a lost answer finds it.
 * developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_search.htm
 * Salesforce Object Reference, "Task" (CallObject, CallType, CallDurationInSeconds, TaskSubtype).
 */
import type { CrmApi, CrmApiDeps, CallLogEntry, CrmMatch, LookupOptions } from '../api-adapter.ts';
import { CrmError } from '../crm-error.ts';
import { requestJson, type HttpOptions } from '../http.ts';
import { rankMatches } from '../match-score.ts';
import { phoneVariants } from '../phone-variants.ts';
import { attachCases, mergeCases, toMatch, type SfRecord } from './records.ts';
import { openCasesByPhoneQuery, openCasesQuery, phoneSearch, taskByCallQuery } from './soql.ts';

export const SALESFORCE_API_VERSION = 'v62.0';
const MAX_MATCHES = 25;
const MAX_CASES = 50;
const SID_REUSE_MS = 2000;

export interface SalesforceDeps extends CrmApiDeps {
  /** The `sid` cookie of the API origin (chrome.cookies.get in the worker). */
  getSessionId(apiOrigin: string): Promise<string | undefined>;
}

/** `https://acme.lightning.force.com` → `https://acme.my.salesforce.com` (also sandboxes). */
export function salesforceApiOrigin(uiOrigin: string): string {
  const url = new URL(uiOrigin);
  url.hostname = url.hostname.replace(/\.lightning\.force\.com$/, '.my.salesforce.com');
  return url.origin;
}

export function createSalesforceApi(deps: SalesforceDeps): CrmApi {
  const apiOrigin = salesforceApiOrigin(deps.origin);
  const base = `${apiOrigin}/services/data/${SALESFORCE_API_VERSION}`;
  const recordUrl = (type: string, id: string): string =>
    `${deps.origin}/lightning/r/${encodeURIComponent(type)}/${encodeURIComponent(id)}/view`;

  // One cookie read serves the requests of one lookup or log, not one per request.
  let sidRead: { at: number; sid: Promise<string | undefined> } | undefined;
  const sessionId = (): Promise<string | undefined> => {
    if (!sidRead || Date.now() - sidRead.at > SID_REUSE_MS) {
      sidRead = { at: Date.now(), sid: deps.getSessionId(apiOrigin) };
    }
    return sidRead.sid;
  };

  const call = async <T>(
    path: string,
    init: Parameters<typeof requestJson>[2],
    signal?: AbortSignal,
  ): Promise<T> => {
    const sid = await sessionId();
    if (!sid) {
      sidRead = undefined;
      throw new CrmError('signin', `no Salesforce session on ${apiOrigin}`);
    }
    const http: HttpOptions = { fetch: deps.fetch, classify: limitExceeded };
    if (deps.timeoutMs !== undefined) http.timeoutMs = deps.timeoutMs;
    if (signal) http.signal = signal;
    const headers = { ...init?.headers, authorization: `Bearer ${sid}` };
    try {
      return (await requestJson<T>(http, `${base}${path}`, { ...init, headers })).body;
    } catch (error) {
      if (error instanceof CrmError && error.kind === 'signin') sidRead = undefined;
      throw error;
    }
  };
  const query = async (soql: string, signal?: AbortSignal): Promise<SfRecord[]> =>
    (await call<{ records: SfRecord[] }>(`/query/?q=${encodeURIComponent(soql)}`, {}, signal))
      .records;

  return {
    crm: 'salesforce',
    runsIn: 'worker',
    auth: 'api-host-session',

    async lookup(e164: string, options: LookupOptions): Promise<CrmMatch[]> {
      const variants = phoneVariants(e164);
      const sosl = phoneSearch(variants, MAX_MATCHES);
      const [found, byPhone] = await Promise.all([
        call<{ searchRecords: SfRecord[] }>(
          `/search/?q=${encodeURIComponent(sosl)}`,
          {},
          options.signal,
        ),
        query(openCasesByPhoneQuery(variants, MAX_CASES), options.signal),
      ]);
      const matches = found.searchRecords
        .map((r) => toMatch(r, e164, options, recordUrl))
        .filter((m): m is CrmMatch => m !== undefined);

      // SOSL also finds numbers stored in forms the literal case query missed: their cases
      // take a second request.
      const literal = new Set(variants);
      const missed = (type: string): string[] =>
        matches
          .filter((m) => m.ref.type === type && !m.phones.some((p) => literal.has(p)))
          .map((m) => m.ref.id);
      const [contacts, accounts] = [missed('Contact'), missed('Account')];
      const more =
        contacts.length || accounts.length
          ? await query(openCasesQuery(contacts, accounts, MAX_CASES), options.signal)
          : [];
      attachCases(matches, mergeCases(byPhone, more), recordUrl);
      return rankMatches(matches);
    },

    recordUrl: (ref) => Promise.resolve(recordUrl(ref.type, ref.id)),

    // Lightning's documented URL for a create form with defaults (`defaultFieldValues`).
    createContactUrl: (e164) =>
      Promise.resolve(
        `${deps.origin}/lightning/o/Contact/new` +
          `?defaultFieldValues=Phone=${encodeURIComponent(e164)}`,
      ),

    async logCall(entry, options = {}) {
      const existing = await query(taskByCallQuery(entry.callId), options.signal);
      if (existing[0]) return { remoteId: existing[0].Id, created: false };

      const created = await call<{ id: string }>(
        '/sobjects/Task/',
        { method: 'POST', body: taskFor(entry) },
        options.signal,
      );
      return { remoteId: created.id, created: true };
    },

    async checkSession(options = {}) {
      await call('/', {}, options.signal);
    },
  };
}

/** Salesforce answers an exhausted API allowance with 403 REQUEST_LIMIT_EXCEEDED. */
function limitExceeded(status: number, body: string): 'ratelimited' | undefined {
  return status === 403 && body.includes('"REQUEST_LIMIT_EXCEEDED"') ? 'ratelimited' : undefined;
}

const WHO_TYPES = ['Contact', 'Lead'];

function taskFor(entry: CallLogEntry): Record<string, unknown> {
  const start = new Date(entry.startedAt);
  const day = `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`;
  const talked = entry.answeredAt ? Math.max(0, entry.endedAt - entry.answeredAt) : 0;
  const task: Record<string, unknown> = {
    Subject: entry.subject.slice(0, 255),
    TaskSubtype: 'Call',
    CallType: entry.direction === 'inbound' ? 'Inbound' : 'Outbound',
    CallDurationInSeconds: Math.round(talked / 1000),
    CallObject: entry.callId.slice(0, 255),
    CallDisposition: entry.outcome,
    Status: 'Completed',
    ActivityDate: day,
    Description: [entry.number, entry.notes].filter(Boolean).join('\n').slice(0, 32_000),
  };

  const who = WHO_TYPES.includes(entry.target.type);
  task[who ? 'WhoId' : 'WhatId'] = entry.target.id;
  // A Lead cannot have a Related To; a Contact's account goes there when asked (C25).
  if (entry.target.type === 'Contact' && entry.related) task.WhatId = entry.related.id;
  return task;
}

const pad = (n: number): string => String(n).padStart(2, '0');
