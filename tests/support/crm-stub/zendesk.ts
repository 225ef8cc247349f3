/**
 * Contract stub for the Zendesk Support API under `https://<subdomain>.zendesk.com/api/v2/`:
 * search, the current user, requested tickets, organizations, tickets by external id, ticket
 * create (with Idempotency-Key) and update, comments. Auth is the agent page's session cookie;
 * writes also need the X-CSRF-Token from `users/me` (`authenticity_token`), as the docs say
 * for browser-session requests. Error body `{error, description}`.
 * Zendesk Talk Partner Edition docs, "Retrieving the Zendesk user id of a caller".
 */
import type { StubControl } from './control.ts';
import {
  ZD_AGENT_ID,
  ZD_CSRF,
  ZD_SESSION,
  ZD_SUBDOMAIN,
  buildZendeskData,
  page,
  ticket,
  type ZdData,
  type ZdRecord,
} from './zendesk-data.ts';
import { digitsOf } from './seed.ts';
import {
  cookie,
  text,
  createStubHandler,
  isRecord,
  json,
  type RouteContext,
  type StubAnswer,
} from './stub-http.ts';
import type { Handler } from '../https-server.ts';

export interface ZendeskStub {
  handler: Handler;
  data: ZdData;
}

const zdError = (status: number, error: string, description: string): StubAnswer =>
  json(status, { error, description });

export function createZendeskStub(control: StubControl): ZendeskStub {
  const data = buildZendeskData();
  const handler = createStubHandler(control, {
    crm: 'zendesk',
    owns: (url) => url.hostname.endsWith('.zendesk.com') && url.pathname.startsWith('/api/v2/'),
    error: (status, fault) => {
      if (status === 401) return json(401, { error: "Couldn't authenticate you" });
      if (status === 403) {
        return zdError(
          403,
          'Forbidden',
          'You do not have access to this page. ' +
            'Please contact the account owner of this help desk for further help.',
        );
      }
      const headers = { 'retry-after': String(fault?.retryAfterSec ?? 60) };
      if (status === 429) {
        return json(
          429,
          {
            error: 'APIRateLimitExceeded',
            description: 'Number of allowed API requests per minute exceeded',
          },
          headers,
        );
      }
      return json(
        status,
        { error: 'InternalError', description: 'Something went wrong' },
        status === 503 ? headers : undefined,
      );
    },
    authenticate: (ctx) => {
      if (!ctx.url.hostname.startsWith(`${ZD_SUBDOMAIN}.`))
        return zdError(404, 'RecordNotFound', 'Not found');
      if (cookie(ctx.headers, '_zendesk_session') !== ZD_SESSION) {
        return json(401, { error: "Couldn't authenticate you" });
      }
      if (ctx.method !== 'GET' && ctx.headers['x-csrf-token'] !== ZD_CSRF) {
        return json(403, { error: { title: 'Forbidden', message: 'Invalid authenticity token' } });
      }
      return undefined;
    },
    route: (ctx) => route(data, ctx),
  });
  return { handler, data };
}

function route(data: ZdData, ctx: RouteContext): StubAnswer {
  const path = ctx.path.replace(/\.json$/, '').replace(/^\/api\/v2\//, '');
  const q = ctx.url.searchParams;
  const get = ctx.method === 'GET';
  let m: RegExpExecArray | null;

  if (get && path === 'users/me') {
    const me = data.users.find((u) => u.id === ZD_AGENT_ID);
    return json(200, { user: { ...me, authenticity_token: ZD_CSRF } });
  }
  if (get && path === 'search') return search(data, q.get('query') ?? '');
  if (get && (m = /^users\/(\d+)\/tickets\/requested$/.exec(path))) {
    const id = Number(m[1]);
    if (!data.users.some((u) => u.id === id)) return zdError(404, 'RecordNotFound', 'Not found');
    const tickets = data.tickets.filter((t) => t.requester_id === id);
    const desc = q.get('sort_order') === 'desc';
    tickets.sort(
      (a, b) => String(a.created_at).localeCompare(String(b.created_at)) * (desc ? -1 : 1),
    );
    return json(200, page('tickets', tickets, q));
  }
  if (get && path === 'organizations/show_many') {
    const ids = (q.get('ids') ?? '').split(',').map(Number);
    return json(200, { organizations: data.organizations.filter((o) => ids.includes(o.id)) });
  }
  if (get && path === 'tickets') {
    const externalId = q.get('external_id');
    return json(
      200,
      page(
        'tickets',
        data.tickets.filter((t) => !externalId || t.external_id === externalId),
      ),
    );
  }
  if (ctx.method === 'POST' && path === 'tickets') return createTicket(data, ctx);
  if ((m = /^tickets\/(\d+)(\/comments)?$/.exec(path))) {
    const found = data.tickets.find((t) => t.id === Number(m?.[1]));
    if (!found) return zdError(404, 'RecordNotFound', 'Not found');
    if (get && m[2]) {
      const comments = [...(data.comments[found.id] ?? [])];
      if (q.get('sort_order') === 'desc') comments.reverse();
      return json(200, page('comments', comments, q));
    }
    if (ctx.method === 'PUT' && !m[2]) return updateTicket(data, found, ctx.body);
  }
  return zdError(404, 'InvalidEndpoint', 'Not found');
}

/** `type:user phone:*digits`: the docs want digits only, no `+`, a leading `*` for any format. */
function search(data: ZdData, query: string): StubAnswer {
  const tokens = query.trim().split(/\s+/);
  if (!tokens.includes('type:user')) {
    return zdError(400, 'InvalidQuery', 'this stub serves user searches only');
  }
  const phone = tokens.find((t) => t.startsWith('phone:'))?.slice('phone:'.length);
  const role = tokens.find((t) => t.startsWith('role:'))?.slice('role:'.length);
  const wildcard = phone?.startsWith('*') ?? false;
  const digits = wildcard ? phone?.slice(1) : phone;
  const valid = digits !== undefined && /^\d+$/.test(digits);

  const users = data.users.filter((u) => {
    const stored = typeof u.phone === 'string' ? digitsOf(u.phone) : '';
    const phoneHit = valid && (wildcard ? stored.endsWith(digits) : stored === digits);
    return phoneHit && (!role || u.role === role);
  });
  const results = users.map((u) => ({ ...u, result_type: 'user' }));
  return json(200, {
    results,
    facets: null,
    next_page: null,
    previous_page: null,
    count: results.length,
  });
}

function createTicket(data: ZdData, ctx: RouteContext): StubAnswer {
  const body = ctx.body;
  const fields: unknown = isRecord(body) ? body.ticket : undefined;
  if (!isRecord(fields) || !isRecord(fields.comment) || typeof fields.comment.body !== 'string') {
    return json(422, {
      error: 'RecordInvalid',
      description: 'Record validation errors',
      details: { comment: [{ description: 'is required' }] },
    });
  }
  const key = ctx.headers['idempotency-key'];
  const text = JSON.stringify(body);
  const earlier = typeof key === 'string' ? data.idempotency.get(key) : undefined;
  if (earlier && earlier.body !== text) {
    return json(400, {
      error: 'IdempotentRequestError',
      description: 'Request parameters do not match the original request',
    });
  }
  if (earlier) return json(201, { ticket: earlier.ticket }, { 'x-idempotency-lookup': 'hit' });

  const id = Math.max(0, ...data.tickets.map((t) => t.id)) + 1;
  const created = ticket(id, {
    subject: fields.subject ?? null,
    requester_id: fields.requester_id ?? ZD_AGENT_ID,
    external_id: fields.external_id ?? null,
    tags: Array.isArray(fields.tags) ? fields.tags : [],
    status: fields.status ?? 'new',
  });
  data.tickets.push(created);
  data.comments[id] = [comment(data, id, fields.comment)];
  if (typeof key === 'string') data.idempotency.set(key, { body: text, ticket: created });
  return json(
    201,
    { ticket: created, audit: { id: id * 10, ticket_id: id } },
    { 'x-idempotency-lookup': 'miss' },
  );
}

function updateTicket(data: ZdData, found: ZdRecord, body: unknown): StubAnswer {
  const fields: unknown = isRecord(body) ? body.ticket : undefined;
  if (!isRecord(fields)) return json(400, { error: 'InvalidValue', description: 'ticket missing' });
  if (isRecord(fields.comment))
    (data.comments[found.id] ??= []).push(comment(data, found.id, fields.comment));
  return json(200, { ticket: found, audit: { id: found.id * 10 + 1, ticket_id: found.id } });
}

function comment(data: ZdData, ticketId: number, fields: Record<string, unknown>): ZdRecord {
  const all = Object.values(data.comments).flat();
  const body = text(fields.body ?? '');
  return {
    id: 70_000 + all.length + 1,
    type: 'Comment',
    author_id: ZD_AGENT_ID,
    body,
    plain_body: body,
    public: fields.public !== false,
    created_at: new Date().toISOString(),
    ticket_id: ticketId,
  };
}
