// Connection states from the real adapters against the contract stub.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { serveCrmStub, type ServedStub } from '../../tests/support/crm-stub/serve.ts';
import { HS_TOKEN, SF_SESSION_ID } from '../../tests/support/crm-stub/index.ts';
import type { CrmApi } from '../crm/api-adapter.ts';
import { createHubspotApi } from '../crm/hubspot/api.ts';
import { createSalesforceApi } from '../crm/salesforce/api.ts';
import { createZendeskApi } from '../crm/zendesk/api.ts';
import type { CrmName } from '../protocol/phone-state.ts';
import { crmStatuses } from './crm-status.ts';

let served: ServedStub;
let token: string | undefined;
beforeAll(async () => {
  served = await serveCrmStub();
});
afterAll(() => served.close());
beforeEach(() => {
  served.stub.reset();
  token = HS_TOKEN;
});

const apiFor = (crm: CrmName, origin: string): CrmApi => {
  const fetch = served.fetch;
  if (crm === 'salesforce')
    return createSalesforceApi({
      origin,
      fetch,
      getSessionId: () => Promise.resolve(SF_SESSION_ID),
    });
  if (crm === 'hubspot')
    return createHubspotApi({ origin, fetch, getToken: () => Promise.resolve(token) });
  return createZendeskApi({ origin, fetch });
};

const settings = (on: Partial<Record<CrmName, boolean>> = {}) => ({
  crmEnabled: { salesforce: true, hubspot: true, zendesk: true, ...on },
  extraHosts: {},
});
const SF_TAB = {
  id: 1,
  url: 'https://acme.lightning.force.com/lightning/page/home',
  lastAccessed: 1,
};
const ZD_TAB = { id: 2, url: 'https://acme.zendesk.com/agent/home', lastAccessed: 2 };

it('says connected for each CRM that accepts the agent', async () => {
  const states = await crmStatuses({ settings: settings(), tabs: [SF_TAB, ZD_TAB], apiFor });
  expect(states).toEqual([
    { crm: 'salesforce', state: 'connected' },
    { crm: 'hubspot', state: 'connected' },
    { crm: 'zendesk', state: 'connected' },
  ]);
});

it('says why not: sign-in, no permission, no tab open, switched off', async () => {
  token = undefined;
  served.stub.control.fault('salesforce', { status: 403 });
  const states = await crmStatuses({
    settings: settings({ zendesk: false }),
    tabs: [SF_TAB],
    apiFor,
  });
  expect(states.map((s) => s.state)).toEqual(['forbidden', 'signin', 'disabled']);
  const noTabs = await crmStatuses({ settings: settings(), tabs: [], apiFor });
  expect(noTabs.map((s) => s.state)).toEqual(['no-tab', 'signin', 'no-tab']);
});

it('gives up on a CRM that does not answer in time', async () => {
  served.stub.control.fault('hubspot', { delayMs: 2000 });
  const states = await crmStatuses({
    settings: settings({ salesforce: false, zendesk: false }),
    tabs: [],
    apiFor,
    timeoutMs: 200,
  });
  expect(states[1]).toEqual({ crm: 'hubspot', state: 'unavailable' });
});
