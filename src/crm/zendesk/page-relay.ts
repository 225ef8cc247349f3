/**
 * The page side of the Zendesk adapter: in the agent tab's content script, sends the hub's
 * `crm.fetch` requests to the tab's own origin, where the agent's session cookie
 * authenticates them (Zendesk accepts it for same-origin API requests), and hands back the
 * raw answer. Matching, ranking and logging run in the hub (src/crm/zendesk/api.ts).
 * Only the extension may ask, never the page; src/protocol/crm-fetch.ts says what may be sent.
 *
 * A request the relay will not send is answered `{ refused }`, not thrown: the hub reads it
 * as a bug in the request (the call log fails at once) rather than as an outage to retry.
 * Failures on the way (network, timeout, the tab now showing another Zendesk) are thrown.
 */
import {
  checkCrmFetch,
  CRM_FETCH_ANSWER_HEADERS,
  CRM_FETCH_MAX_ANSWER,
  CRM_FETCH_TIMEOUT_MS,
  type CrmFetchAnswer,
  type CrmFetchRequest,
} from '../../protocol/crm-fetch.ts';
import { handleMessages, type Sender } from '../../protocol/runtime.ts';
import { isFromExtension } from '../../protocol/sender.ts';

export interface RelayDeps {
  /** The tab's own origin (`location.origin`). */
  origin: string;
  fetch: typeof fetch;
}

/** Sends one request on the tab's origin if it passes the checks. */
export async function relayFetch(deps: RelayDeps, payload: unknown): Promise<CrmFetchAnswer> {
  const refused = checkCrmFetch(payload);
  if (refused) return { refused };
  const req = payload as CrmFetchRequest; // what the check just established
  if (req.origin !== deps.origin) throw new Error('this tab shows another Zendesk now');
  const url = new URL(req.path, deps.origin);
  // The URL parser must not have changed anything (dot segments, another host).
  if (url.origin !== deps.origin || url.pathname + url.search !== req.path) {
    return { refused: 'path must stay on this origin under /api/v2/' };
  }

  const response = await deps.fetch(url.href, {
    method: req.method,
    headers: req.headers,
    body: req.body ?? null,
    credentials: 'same-origin',
    redirect: 'error',
    cache: 'no-store',
    signal: AbortSignal.timeout(CRM_FETCH_TIMEOUT_MS),
  });
  const body = await readCapped(response, CRM_FETCH_MAX_ANSWER);
  if (body === undefined) return { refused: 'the answer is too large to pass on' };

  const headers: Record<string, string> = {};
  for (const name of CRM_FETCH_ANSWER_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: response.status, statusText: response.statusText, headers, body };
}

/** The body as text, or undefined (and the rest not read) once it passes `max` bytes. */
async function readCapped(response: Response, max: number): Promise<string | undefined> {
  if (Number(response.headers.get('content-length') ?? 0) > max) {
    await response.body?.cancel();
    return undefined;
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > max) {
      await reader.cancel();
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** Who may ask: the extension itself (the hub). The payload is judged by `relayFetch`. */
export function admitRelay(sender: Sender, extensionId?: string): string | null {
  return isFromExtension(sender, extensionId) ? null : 'not from the extension';
}

/** Answers `crm.fetch` in this tab until `signal` aborts (the content entry's teardown). */
export function answerCrmFetches(signal: AbortSignal, origin = location.origin): void {
  const deps: RelayDeps = { origin, fetch: (input, init) => fetch(input, init) };
  const stop = handleMessages(
    'content',
    { 'crm.fetch': (req) => relayFetch(deps, req) },
    { admit: (_envelope, sender) => admitRelay(sender) },
  );
  signal.addEventListener('abort', stop, { once: true });
}
