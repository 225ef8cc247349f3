/**
 * `crm.fetch`: the hub asks a Zendesk agent tab to send one API request with the agent's
 * session (same-origin, cookies) and hand the answer back. The adapter itself runs in the hub
 * (src/hub/crm-tab-fetch.ts); the tab only relays (src/crm/zendesk/page-relay.ts).
 *
 * The relay acts as the signed-in agent, so what it will send is narrow: API paths under
 * `/api/v2/` of the tab's own origin, the methods and headers the adapter uses, JSON bodies,
 * bounded sizes. Whatever fails these checks is refused before any request goes out.
 */
export type CrmFetchMethod = 'GET' | 'POST' | 'PUT';

export interface CrmFetchRequest {
  /** The origin the hub means: the tab refuses if it shows another one now. */
  origin: string;
  method: CrmFetchMethod;
  /** Path and query, e.g. `/api/v2/users/me.json`: never a full URL. */
  path: string;
  headers: Record<string, string>;
  /** JSON text. */
  body?: string;
}

export interface CrmFetchResponse {
  status: number;
  statusText: string;
  /** Only the headers the adapter reads, lower-case names. */
  headers: Record<string, string>;
  body: string;
}

/** A request the relay would not send, and why: a bug in the request, not an outage. */
export interface CrmFetchRefusal {
  refused: string;
}

export type CrmFetchAnswer = CrmFetchResponse | CrmFetchRefusal;

export const CRM_FETCH_METHODS: readonly CrmFetchMethod[] = ['GET', 'POST', 'PUT'];
/** Request header names the adapter sends (lower case). */
export const CRM_FETCH_HEADERS = ['accept', 'content-type', 'x-csrf-token', 'idempotency-key'];
/** Answer headers passed back: rate limits and the body type. */
export const CRM_FETCH_ANSWER_HEADERS = ['retry-after', 'content-type'];
/** As long as the hub waits for an answer (DEFAULT_TIMEOUT_MS, src/crm/http.ts), no longer. */
export const CRM_FETCH_TIMEOUT_MS = 8_000;
export const CRM_FETCH_MAX_BODY = 64 * 1024;
export const CRM_FETCH_MAX_ANSWER = 4 * 1024 * 1024;

const ORIGIN = /^https:\/\/[a-z0-9.-]{1,253}(:\d{1,5})?$/;
// Plain path segments (Zendesk ids are numbers; no `%`, so no encoded `/`, `\` or dots for a
// server to decode), then a query without spaces, `#` or `\`.
const PATH = /^\/api\/v2\/[A-Za-z0-9._~/-]{1,512}(\?[^\s#\\]{0,2048})?$/;
const HEADER_VALUE = /^[\x20-\x7e]{0,512}$/;
/** What the adapter sends and expects: JSON only, so no form body rides on a JSON string. */
const JSON_TYPE = /^application\/json(;\s*charset=utf-8)?$/i;

/** Whether `path` is an API path the relay may send; a reason if not. */
function checkCrmFetchPath(path: unknown): string | null {
  if (typeof path !== 'string' || !PATH.test(path)) return 'not an /api/v2/ path';
  const pathname = path.split('?')[0] ?? '';
  const dots = pathname.split('/').some((s) => s === '.' || s === '..');
  if (dots || pathname.includes('//')) return 'path must not step out of /api/v2/';
  return null;
}

/** The `crm.fetch` payload check (validate.ts): a reason for refusing, or null. */
export function checkCrmFetch(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return 'expected an object';
  const p = payload as Record<string, unknown>;
  if (typeof p.origin !== 'string' || !ORIGIN.test(p.origin)) return 'bad origin';
  if (!CRM_FETCH_METHODS.includes(p.method as CrmFetchMethod)) return 'method not allowed';
  const path = checkCrmFetchPath(p.path);
  if (path) return path;
  if (typeof p.headers !== 'object' || p.headers === null) return 'headers must be an object';
  for (const [name, value] of Object.entries(p.headers)) {
    if (!CRM_FETCH_HEADERS.includes(name)) return `header ${name} not allowed`;
    if (typeof value !== 'string' || !HEADER_VALUE.test(value)) return `bad ${name} header`;
    if ((name === 'accept' || name === 'content-type') && !JSON_TYPE.test(value)) {
      return `${name} must be application/json`;
    }
  }

  if (p.body === undefined) return null;
  const typed = (p.headers as Record<string, unknown>)['content-type'] !== undefined;
  return (
    checkBody(p.body, p.method === 'GET') ??
    (typed ? null : 'a body needs content-type application/json')
  );
}

function checkBody(body: unknown, isGet: boolean): string | null {
  if (isGet) return 'GET has no body';
  if (typeof body !== 'string' || body.length > CRM_FETCH_MAX_BODY) return 'body too large';
  try {
    JSON.parse(body);
    return null;
  } catch {
    return 'body must be JSON';
  }
}
