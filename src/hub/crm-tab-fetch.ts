/**
 * A fetch for the Zendesk adapter in the hub: each request goes to the agent tab as
 * `crm.fetch`, whose content script sends it with the agent's session on the tab's own origin
 * (src/crm/zendesk/page-relay.ts), and the answer comes back as a Response. So the adapter,
 * its parsing and ranking stay out of the content script; only the raw HTTP exchange crosses.
 */
import {
  CRM_FETCH_METHODS,
  type CrmFetchMethod,
  type CrmFetchRequest,
  type CrmFetchAnswer,
  type CrmFetchResponse,
} from '../protocol/crm-fetch.ts';
import { RequestRefused } from '../crm/http.ts';
import type { SendToTab } from '../protocol/tab-messages.ts';

export function tabFetch(tabId: number, origin: string, send: SendToTab): typeof fetch {
  return async (input, init = {}) => {
    const request = relayRequest(
      origin,
      String(input instanceof Request ? input.url : input),
      init,
    );
    const signal = init.signal ?? undefined;
    signal?.throwIfAborted();

    // The tab cannot be told to stop; the caller's timeout or abort still ends the wait.
    const answer = await new Promise<CrmFetchAnswer>((resolve, reject) => {
      const abort = () => reject(signal?.reason as Error);
      signal?.addEventListener('abort', abort, { once: true });
      send(tabId, 'crm.fetch', request)
        .then(resolve, reject)
        .finally(() => signal?.removeEventListener('abort', abort));
    });
    if ('refused' in answer) throw new RequestRefused(`the Zendesk tab refused: ${answer.refused}`);
    return toResponse(answer);
  };
}

function relayRequest(origin: string, href: string, init: RequestInit): CrmFetchRequest {
  const url = new URL(href);
  if (url.origin !== origin)
    throw new RequestRefused(`${url.origin} is not the agent tab's origin`);
  const method = (init.method ?? 'GET').toUpperCase() as CrmFetchMethod;
  if (!CRM_FETCH_METHODS.includes(method)) throw new RequestRefused(`${method} is not relayed`);
  if (init.body != null && typeof init.body !== 'string') {
    throw new RequestRefused('only JSON text bodies are relayed');
  }

  const request: CrmFetchRequest = {
    origin,
    method,
    path: url.pathname + url.search,
    headers: Object.fromEntries(new Headers(init.headers)),
  };
  if (typeof init.body === 'string') request.body = init.body;
  return request;
}

// Statuses whose Response may not carry a body (Fetch standard, "null body status").
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function toResponse(answer: CrmFetchResponse): Response {
  const { status, statusText, headers, body } = answer;
  if (!Number.isInteger(status) || status < 200 || status > 599 || typeof body !== 'string') {
    throw new TypeError('the agent tab sent a malformed answer');
  }
  return new Response(NULL_BODY.has(status) ? null : body, { status, statusText, headers });
}
