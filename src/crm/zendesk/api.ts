/**
 * Zendesk Support through its API. The adapter runs in the hub; `deps.fetch` relays each
 * request to an agent page (`https://<subdomain>.zendesk.com/agent`), whose content script
 * sends it same-origin (src/hub/crm-tab-fetch.ts): the agent's session cookie authenticates,
 * no token. GET needs nothing more; writes carry the X-CSRF-Token that `GET /api/v2/users/me`
 * returns as `authenticity_token` (Zendesk's "secured requests" docs).
 * - lookup: `search.json?query=type:user phone:*<national digits>`: the docs ask for digits
 *   only, no `+`, with a leading `*` to match every formatting; then organisations
 *   (`show_many`) and each user's requested tickets, newest first. A Zendesk user has no
 *   standard job title or owner, so the card shows neither; the last interaction is the
 *   latest update of the user's tickets.
 * - logCall: on a ticket, a private comment (looked for by the call id first); otherwise a
 *   new ticket requested by the caller with `external_id` = our call id (looked for first)
 *   and an `Idempotency-Key` header.
 * Zendesk Talk Partner Edition docs, "Retrieving the Zendesk user id of a caller"
 * developer.zendesk.com/api-reference/ticketing/introduction/#idempotency
 */
import type { CallLogEntry, CrmApi, CrmApiDeps, CrmMatch, LookupOptions } from '../api-adapter.ts';
import { requestJson, type HttpOptions, type JsonRequest } from '../http.ts';
import { rankMatches } from '../match-score.ts';
import { nationalSignificant } from '../phone-variants.ts';
import { CrmError } from '../crm-error.ts';
import {
  fillMatch,
  toMatch,
  zendeskUrls,
  type ZdOrganization,
  type ZdTicket,
  type ZdUser,
} from './records.ts';

const MAX_USERS = 10;
/** A user's requested tickets asked for, newest first: the open ones among them show. */
const MAX_TICKETS = 25;
const NEWEST_TICKETS = `sort_by=created_at&sort_order=desc&per_page=${MAX_TICKETS}`;

export function createZendeskApi(deps: CrmApiDeps): CrmApi {
  const url = zendeskUrls(deps.origin);
  const call = async <T>(
    path: string,
    request: JsonRequest = {},
    signal?: AbortSignal,
  ): Promise<T> => {
    const http: HttpOptions = { fetch: deps.fetch };
    if (deps.timeoutMs !== undefined) http.timeoutMs = deps.timeoutMs;
    if (signal) http.signal = signal;
    const full = `${deps.origin}/api/v2/${path}`;
    return (await requestJson<T>(http, full, { credentials: 'same-origin', ...request })).body;
  };

  let csrf: Promise<string> | undefined;
  const write = async <T>(
    path: string,
    method: 'POST' | 'PUT',
    body: unknown,
    headers: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<T> => {
    csrf ??= call<{ user: { id: number | null; authenticity_token?: string } }>(
      'users/me.json',
    ).then((me) => {
      if (!me.user.id || !me.user.authenticity_token)
        throw new CrmError('signin', 'not signed in to Zendesk');
      return me.user.authenticity_token;
    });
    const token = await csrf.catch((error: unknown) => {
      csrf = undefined;
      throw error;
    });
    return call<T>(path, { method, body, headers: { ...headers, 'x-csrf-token': token } }, signal);
  };

  return {
    crm: 'zendesk',
    runsIn: 'page',
    auth: 'page-session',

    async lookup(e164: string, options: LookupOptions): Promise<CrmMatch[]> {
      const query = `type:user phone:*${nationalSignificant(e164)}`;
      const found = await call<{ results: ZdUser[] }>(
        `search.json?query=${encodeURIComponent(query)}`,
        {},
        options.signal,
      );
      const scored = found.results
        .map((user) => ({ user, match: toMatch(user, e164, options, url) }))
        .filter((s): s is { user: ZdUser; match: CrmMatch } => s.match !== undefined)
        .slice(0, MAX_USERS);

      const orgIds = [...new Set(scored.map((s) => s.user.organization_id).filter((id) => !!id))];
      const [organizations, tickets] = await Promise.all([
        orgIds.length
          ? call<{ organizations: ZdOrganization[] }>(
              `organizations/show_many.json?ids=${orgIds.join(',')}`,
              {},
              options.signal,
            )
          : { organizations: [] },
        Promise.all(
          scored.map((s) =>
            call<{ tickets: ZdTicket[] }>(
              `users/${s.user.id}/tickets/requested.json?${NEWEST_TICKETS}`,
              {},
              options.signal,
            ),
          ),
        ),
      ]);
      scored.forEach((s, i) =>
        fillMatch(s.match, s.user, organizations.organizations, tickets[i]?.tickets ?? [], url),
      );
      return rankMatches(scored.map((s) => s.match));
    },

    recordUrl: (ref) => Promise.resolve(url(ref.type, ref.id)),

    // Zendesk documents no deep link to a new-user form: the customer list, where
    // "Add user" is, opens instead.
    createContactUrl: () => Promise.resolve(`${deps.origin}/agent/user_filters`),

    async logCall(entry, options = {}) {
      return entry.target.type === 'ticket'
        ? commentOnTicket(call, write, entry, options.signal)
        : createCallTicket(call, write, entry, options.signal);
    },

    async checkSession(options = {}) {
      const me = await call<{ user: { id: number | null } }>('users/me.json', {}, options.signal);
      if (!me.user.id) throw new CrmError('signin', 'not signed in to Zendesk');
    },
  };
}

type Call = <T>(path: string, request?: JsonRequest, signal?: AbortSignal) => Promise<T>;
type Write = <T>(
  path: string,
  method: 'POST' | 'PUT',
  body: unknown,
  headers: Record<string, string>,
  signal?: AbortSignal,
) => Promise<T>;

const marker = (callId: string): string => `[call ${callId}]`;

function bodyFor(entry: CallLogEntry): string {
  return [entry.subject, entry.number, entry.notes, marker(entry.callId)]
    .filter(Boolean)
    .join('\n');
}

async function commentOnTicket(
  call: Call,
  write: Write,
  entry: CallLogEntry,
  signal?: AbortSignal,
) {
  const ticketId = encodeURIComponent(entry.target.id);
  // Newest first: a log written for this call is among the latest page.
  const comments = await call<{ comments: { id: number; body?: string }[] }>(
    `tickets/${ticketId}/comments.json?sort_order=desc`,
    {},
    signal,
  );
  const earlier = comments.comments.find((c) => c.body?.includes(marker(entry.callId)));
  if (earlier) return { remoteId: String(earlier.id), created: false };

  const body = { ticket: { comment: { body: bodyFor(entry), public: false } } };
  const answer = await write<{ audit?: { id: number } }>(
    `tickets/${ticketId}.json`,
    'PUT',
    body,
    {},
    signal,
  );
  return { remoteId: String(answer.audit?.id ?? entry.target.id), created: true };
}

async function createCallTicket(
  call: Call,
  write: Write,
  entry: CallLogEntry,
  signal?: AbortSignal,
) {
  const externalId = `cti-call:${entry.callId}`;
  const existing = await call<{ tickets: ZdTicket[] }>(
    `tickets.json?external_id=${encodeURIComponent(externalId)}`,
    {},
    signal,
  );
  if (existing.tickets[0]) return { remoteId: String(existing.tickets[0].id), created: false };

  const ticket: Record<string, unknown> = {
    subject: entry.subject,
    comment: { body: bodyFor(entry), public: false },
    external_id: externalId,
    tags: ['cti_call'],
  };
  if (entry.target.type === 'user') ticket.requester_id = Number(entry.target.id);
  const headers = { 'idempotency-key': externalId };
  const answer = await write<{ ticket: ZdTicket }>(
    'tickets.json',
    'POST',
    { ticket },
    headers,
    signal,
  );
  return { remoteId: String(answer.ticket.id), created: true };
}
