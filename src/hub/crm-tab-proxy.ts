/**
 * A CrmApi whose requests run in a CRM tab (adapters with `runsIn: 'page'`, Zendesk): the hub
 * asks the tab's content script, which answers with the page's session. Links are built here.
 */
import type { CrmApi } from '../crm/api-adapter.ts';
import { CrmError, crmErrorFromData } from '../crm/crm-error.ts';
import type { CrmPageResult } from '../protocol/caller-card.ts';
import type { MessageName, Request, Response } from '../protocol/channel.ts';

export type SendToTab = <K extends MessageName>(
  tabId: number,
  name: K,
  payload: Request<K>,
) => Promise<Response<K>>;

export function tabProxyApi(local: CrmApi, tabId: number, send: SendToTab): CrmApi {
  const ask = async <T>(work: () => Promise<CrmPageResult<T>>): Promise<T> => {
    let result: CrmPageResult<T>;
    try {
      result = await work();
    } catch (error) {
      // The tab closed, navigated away, or its content script is not there (yet).
      throw new CrmError('unavailable', `the ${local.crm} tab did not answer: ${String(error)}`);
    }
    if (!result.ok) throw crmErrorFromData(result.error);
    return result.value;
  };

  return {
    crm: local.crm,
    runsIn: local.runsIn,
    auth: local.auth,
    recordUrl: (ref) => local.recordUrl(ref),
    createContactUrl: (e164) => local.createContactUrl(e164),
    lookup: (e164, options) =>
      ask(() =>
        send(tabId, 'crm.lookup', {
          crm: local.crm,
          e164,
          defaultCountry: options.defaultCountry,
          ownNumbers: [...(options.ownNumbers ?? [])],
        }),
      ),
    logCall: (entry) => ask(() => send(tabId, 'crm.logCall', { entry })),
    checkSession: () =>
      ask(() => send(tabId, 'crm.session', { crm: local.crm })).then(() => undefined),
  };
}
