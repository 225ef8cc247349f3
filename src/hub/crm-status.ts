/**
 * Each CRM's connection as the options page shows it: asks every enabled CRM whether it
 * accepts the agent's credentials (CrmApi.checkSession), in parallel and bounded in time.
 * Salesforce and Zendesk take their org or subdomain (and, for Zendesk, the session) from an
 * open agent tab; HubSpot needs only its token.
 */
import type { CrmApi } from '../crm/api-adapter.ts';
import { asCrmError } from '../crm/crm-error.ts';
import { CRM_NAMES } from '../crm/hosts.ts';
import type { CrmConnection, CrmStatus } from '../protocol/caller-card.ts';
import type { CrmName } from '../protocol/phone-state.ts';
import { lookupTargets, type TabChoiceSettings, type TabInfo } from './tab-choice.ts';

const HUBSPOT_APP = 'https://app.hubspot.com';

export interface CrmStatusDeps {
  settings: TabChoiceSettings;
  tabs: TabInfo[];
  apiFor(crm: CrmName, origin: string, tabId?: number): CrmApi;
  timeoutMs?: number;
}

export async function crmStatuses(deps: CrmStatusDeps): Promise<CrmStatus[]> {
  const targets = lookupTargets(deps.tabs, deps.settings);
  return Promise.all(
    CRM_NAMES.map(async (crm): Promise<CrmStatus> => {
      if (!deps.settings.crmEnabled[crm]) return { crm, state: 'disabled' };
      const tab = targets.find((t) => t.crm === crm);
      if (!tab && crm !== 'hubspot') return { crm, state: 'no-tab' };
      const api = deps.apiFor(crm, tab?.origin ?? HUBSPOT_APP, tab?.tabId);
      return { crm, state: await check(api, deps.timeoutMs ?? 5000) };
    }),
  );
}

async function check(api: CrmApi, timeoutMs: number): Promise<CrmConnection> {
  try {
    await api.checkSession({ signal: AbortSignal.timeout(timeoutMs) });
    return 'connected';
  } catch (error) {
    const kind = asCrmError(error).kind;
    return kind === 'notfound' ? 'unavailable' : kind;
  }
}
