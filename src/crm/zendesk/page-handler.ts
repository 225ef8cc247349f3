/**
 * The page side of the Zendesk API adapter: in the agent tab's content script, answers the
 * hub's `crm.lookup`, `crm.logCall` and `crm.session` with same-origin requests, which carry
 * the agent's Zendesk session. Only the extension itself may ask (never the page). The Zendesk
 * content entry calls `answerCrmRequests` once, with its teardown signal.
 */
import type { CrmApi } from '../api-adapter.ts';
import { asCrmError, crmErrorToData } from '../crm-error.ts';
import type { CrmPageResult } from '../../protocol/caller-card.ts';
import { handleMessages } from '../../protocol/runtime.ts';
import { isFromExtension } from '../../protocol/sender.ts';
import { createZendeskApi } from './api.ts';

async function settle<T>(work: () => Promise<T>): Promise<CrmPageResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: crmErrorToData(asCrmError(error)) };
  }
}

/** The handlers, apart from chrome messaging, for tests. */
export function crmRequestHandlers(api: CrmApi) {
  return {
    'crm.lookup': ({
      e164,
      defaultCountry,
      ownNumbers,
    }: {
      e164: string;
      defaultCountry: string;
      ownNumbers: string[];
    }) => settle(() => api.lookup(e164, { defaultCountry, ownNumbers })),
    'crm.logCall': ({ entry }: { entry: Parameters<CrmApi['logCall']>[0] }) =>
      settle(() => api.logCall(entry)),
    'crm.session': () => settle(() => api.checkSession().then(() => null)),
  };
}

export function answerCrmRequests(signal: AbortSignal, origin = location.origin): void {
  const api = createZendeskApi({ origin, fetch: (input, init) => fetch(input, init) });
  const handlers = crmRequestHandlers(api);
  const stop = handleMessages(
    'content',
    {
      'crm.lookup': (payload) =>
        payload.crm === 'zendesk' ? handlers['crm.lookup'](payload) : notMine(),
      'crm.logCall': (payload) =>
        payload.entry.crm === 'zendesk' ? handlers['crm.logCall'](payload) : notMine(),
      'crm.session': (payload) =>
        payload.crm === 'zendesk' ? handlers['crm.session']() : notMine(),
    },
    { admit: (_envelope, sender) => (isFromExtension(sender) ? null : 'not from the extension') },
  );
  signal.addEventListener('abort', stop, { once: true });
}

function notMine(): Promise<never> {
  return Promise.reject(new Error('this tab serves Zendesk requests only'));
}
