/**
 * The page side of the Zendesk adapter: in the agent tab's content script, sends the hub's
 * `crm.fetch` requests to the tab's own origin, where the agent's session cookie
 * authenticates them (Zendesk accepts it for same-origin API requests), and hands back the
 * raw answer. Matching, ranking and logging run in the hub (src/crm/zendesk/api.ts).
 * Only the extension may ask, never the page; src/protocol/crm-fetch.ts says what may be sent.
 */
import {
  CRM_FETCH_ANSWER_HEADERS,
  CRM_FETCH_MAX_ANSWER,
  type CrmFetchRequest,
  type CrmFetchResponse,
} from '../../protocol/crm-fetch.ts';
import type { Envelope } from '../../protocol/channel.ts';
import { handleMessages, type Sender } from '../../protocol/runtime.ts';
import { isFromExtension } from '../../protocol/sender.ts';
import { checkCrmFetch } from '../../protocol/tab-checks.ts';

const TIMEOUT_MS = 15_000;

export interface RelayDeps {
  /** The tab's own origin (`location.origin`). */
  origin: string;
  fetch: typeof fetch;
}

/** Sends one checked request on the tab's origin; throws a reason to refuse or fail. */
export async function relayFetch(deps: RelayDeps, req: CrmFetchRequest): Promise<CrmFetchResponse> {
  if (req.origin !== deps.origin) throw new Error('this tab shows another Zendesk now');
  const url = new URL(req.path, deps.origin);
  // The URL parser must not have changed anything (dot segments, another host).
  if (url.origin !== deps.origin || url.pathname + url.search !== req.path) {
    throw new Error('path must stay on this origin under /api/v2/');
  }

  const response = await deps.fetch(url.href, {
    method: req.method,
    headers: req.headers,
    body: req.body ?? null,
    credentials: 'same-origin',
    redirect: 'error',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const declared = Number(response.headers.get('content-length') ?? 0);
  const body = declared > CRM_FETCH_MAX_ANSWER ? '' : await response.text();
  if (declared > CRM_FETCH_MAX_ANSWER || body.length > CRM_FETCH_MAX_ANSWER) {
    throw new Error('the answer is too large');
  }

  const headers: Record<string, string> = {};
  for (const name of CRM_FETCH_ANSWER_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: response.status, statusText: response.statusText, headers, body };
}

/** Who may ask: the extension itself (the hub), with a valid payload. */
export function admitRelay(envelope: Envelope, sender: Sender, extensionId?: string) {
  if (!isFromExtension(sender, extensionId)) return 'not from the extension';
  return checkCrmFetch(envelope.payload);
}

/** Answers `crm.fetch` in this tab until `signal` aborts (the content entry's teardown). */
export function answerCrmFetches(signal: AbortSignal, origin = location.origin): void {
  const deps: RelayDeps = { origin, fetch: (input, init) => fetch(input, init) };
  const stop = handleMessages(
    'content',
    { 'crm.fetch': (req) => relayFetch(deps, req) },
    { admit: (envelope, sender) => admitRelay(envelope, sender) },
  );
  signal.addEventListener('abort', stop, { once: true });
}
