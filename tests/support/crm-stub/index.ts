/**
 * The local contract stub for the three CRMs' HTTP APIs: one handler for the test HTTPS
 * server (tests/support/https-server.ts), which serves every host name on one port. It
 * answers the documented requests with the documented shapes from a small seeded data set,
 * refuses anything else with the CRM's own error, and records every request.
 *
 *   const server = await startHttpsServer();
 *   const stub = createCrmStub();
 *   server.use(stub.handler);
 *   stub.control.fault('hubspot', { status: 429, retryAfterSec: 2, times: 1 });
 */
import type { Handler } from '../https-server.ts';
import { StubControl } from './control.ts';
import { buildHubspotData } from './hubspot-data.ts';
import { createHubspotStub } from './hubspot.ts';
import { buildSalesforceData } from './salesforce-data.ts';
import { createSalesforceStub } from './salesforce.ts';
import { buildZendeskData } from './zendesk-data.ts';
import { createZendeskStub } from './zendesk.ts';

export { StubControl, type Fault, type RecordedRequest, type StubCrm } from './control.ts';
export { HS_TOKEN } from './hubspot.ts';
export { HS_PORTAL_ID, HS_UI_DOMAIN } from './hubspot-data.ts';
export { SF_API_HOST, SF_SESSION_ID, SF_UI_ORIGIN } from './salesforce.ts';
export { ZD_CSRF, ZD_ORIGIN, ZD_SESSION } from './zendesk-data.ts';
export { AGENT_NUMBER, NUMBERS } from './seed.ts';

export function createCrmStub() {
  const control = new StubControl();
  const salesforce = createSalesforceStub(control);
  const hubspot = createHubspotStub(control);
  const zendesk = createZendeskStub(control);
  const handlers = [salesforce.handler, hubspot.handler, zendesk.handler];

  const handler: Handler = async (req, res, url) => {
    for (const h of handlers) if (await h(req, res, url)) return true;
    return false;
  };

  return {
    handler,
    control,
    salesforce: salesforce.data,
    hubspot: hubspot.data,
    zendesk: zendesk.data,
    /** Seed data back, created records gone, faults and the request log cleared. */
    reset(): void {
      control.reset();
      Object.assign(salesforce.data, buildSalesforceData('v62.0'));
      Object.assign(hubspot.data, buildHubspotData());
      Object.assign(zendesk.data, buildZendeskData());
    },
  };
}

export type CrmStub = ReturnType<typeof createCrmStub>;
