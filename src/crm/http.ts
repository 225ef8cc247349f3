/**
 * fetch with a timeout, mapping a CRM's HTTP answer onto CrmError kinds:
 * 401 → signin, 403 → forbidden, 404 → notfound, 429 → ratelimited (with Retry-After),
 * 5xx, network failure and timeout → unavailable. Any other 4xx means our request was wrong,
 * which is a bug: a plain Error.
 */
import { CrmError, type CrmErrorKind } from './crm-error.ts';

export const DEFAULT_TIMEOUT_MS = 8_000;

/**
 * Thrown by a `fetch` that will not send our request (the Zendesk tab's relay): the request
 * itself is wrong, a bug like any other 4xx, so it passes through as a plain Error.
 */
export class RequestRefused extends Error {
  override name = 'RequestRefused';
}

export interface HttpOptions {
  fetch: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** A CRM-specific reading of an error answer, e.g. Salesforce's 403 REQUEST_LIMIT_EXCEEDED. */
  classify?: (status: number, body: string) => CrmErrorKind | undefined;
}

export interface JsonRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  headers?: Record<string, string>;
  body?: unknown;
  credentials?: RequestCredentials;
}

export interface JsonResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** Sends a JSON request; resolves with the parsed body of a 2xx answer. */
export async function requestJson<T>(
  options: HttpOptions,
  url: string,
  request: JsonRequest = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

  let response: Response;
  let text: string;
  try {
    response = await options.fetch(url, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      credentials: request.credentials ?? 'omit',
      signal,
    });
    text = await response.text();
  } catch (error) {
    if (error instanceof RequestRefused) throw error;
    const reason = timeout.aborted ? 'timed out' : describe(error);
    throw new CrmError('unavailable', `${where(url)}: ${reason}`);
  }

  if (response.ok) {
    return { status: response.status, headers: response.headers, body: parse<T>(text, url) };
  }
  throw errorFor(response, text, url, options.classify);
}

function errorFor(
  response: Response,
  text: string,
  url: string,
  classify: HttpOptions['classify'],
): Error {
  const { status } = response;
  const message = `${where(url)}: HTTP ${status} ${text.slice(0, 200)}`;
  const kind = classify?.(status, text) ?? kindFor(status);
  if (!kind) return new Error(message);

  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
  return new CrmError(kind, message, retryAfterMs);
}

function kindFor(status: number): CrmErrorKind | undefined {
  if (status === 401) return 'signin';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notfound';
  if (status === 429) return 'ratelimited';
  if (status >= 500) return 'unavailable';
  return undefined;
}

/** Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function parse<T>(text: string, url: string): T {
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new CrmError('unavailable', `${where(url)}: answer is not JSON`);
  }
}

/** Host and path only: query strings carry phone numbers, which stay out of messages. */
function where(url: string): string {
  const { host, pathname } = new URL(url);
  return `${host}${pathname}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
