/** Every CRM's page side, by name: adding a CRM adds one line here. */
import type { CrmName } from '../protocol/phone-state.ts';
import { hubspotPage } from './hubspot/page.ts';
import type { CrmPage } from './page-adapter.ts';
import { salesforcePage } from './salesforce/page.ts';
import { zendeskPage } from './zendesk/page.ts';

export const CRM_PAGES: Record<CrmName, CrmPage> = {
  salesforce: salesforcePage,
  hubspot: hubspotPage,
  zendesk: zendeskPage,
};
