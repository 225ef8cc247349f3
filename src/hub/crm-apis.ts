/**
 * The CRM API adapters as the service worker uses them: the worker's fetch (host
 * permissions), Salesforce's `sid` cookie of the org's API host through chrome.cookies,
 * HubSpot's token from the effective settings, and Zendesk's requests relayed by its agent tab.
 */
import type { CrmApi } from '../crm/api-adapter.ts';
import { CrmError } from '../crm/crm-error.ts';
import { createHubspotApi } from '../crm/hubspot/api.ts';
import { createSalesforceApi } from '../crm/salesforce/api.ts';
import { createZendeskApi } from '../crm/zendesk/api.ts';
import type { CrmName } from '../protocol/phone-state.ts';
import { sendToTab } from '../protocol/tab-messages.ts';
import type { Settings } from '../settings/settings.ts';
import { loadEffectiveSettings } from '../settings/store.ts';
import { tabFetch } from './crm-tab-fetch.ts';
import { crmTabs } from './tab-choice.ts';

const workerFetch: typeof fetch = (input, init) => fetch(input, init);

async function sessionCookie(apiOrigin: string): Promise<string | undefined> {
  const cookie = await chrome.cookies.get({ url: apiOrigin, name: 'sid' });
  return cookie?.value || undefined;
}

async function hubspotToken(): Promise<string | undefined> {
  return (await loadEffectiveSettings()).hubspotToken || undefined;
}

/** The adapter for a CRM at an origin; `tabId` is needed by page-run adapters (Zendesk). */
export function apiFor(crm: CrmName, origin: string, tabId?: number): CrmApi {
  switch (crm) {
    case 'salesforce':
      return createSalesforceApi({ origin, fetch: workerFetch, getSessionId: sessionCookie });
    case 'hubspot':
      return hubspotApi(origin);
    case 'zendesk': {
      if (tabId === undefined) return noTab(createZendeskApi({ origin, fetch: workerFetch }));
      // The tab relays the hub's requests: the browser's memory saver must not unload it.
      chrome.tabs.update(tabId, { autoDiscardable: false }).catch(() => undefined);
      return createZendeskApi({ origin, fetch: tabFetch(tabId, origin, sendToTab) });
    }
  }
}

/**
 * One HubSpot adapter per origin while the worker lives: it keeps the account's details,
 * owners and deal stages between lookups (re-read when the token changes), which would
 * otherwise cost three requests per call.
 */
const hubspotApis = new Map<string, CrmApi>();
function hubspotApi(origin: string): CrmApi {
  let api = hubspotApis.get(origin);
  if (!api) {
    api = createHubspotApi({ origin, fetch: workerFetch, getToken: hubspotToken });
    hubspotApis.set(origin, api);
  }
  return api;
}

/** For writing a queued log: Zendesk needs an agent tab of that subdomain open now. */
export async function apiForLog(crm: CrmName, origin: string, settings: Settings): Promise<CrmApi> {
  if (crm !== 'zendesk') return apiFor(crm, origin);
  const tab = crmTabs(await chrome.tabs.query({}), settings).find(
    (t) => t.crm === crm && t.origin === origin,
  );
  return apiFor(crm, origin, tab?.tabId);
}

function noTab(local: CrmApi): CrmApi {
  const refuse = (): Promise<never> =>
    Promise.reject(new CrmError('unavailable', `no ${local.crm} agent tab is open`));
  return { ...local, lookup: refuse, logCall: refuse, checkSession: refuse };
}
