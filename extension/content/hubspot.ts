// Content script for hubspot pages: click-to-call, call links and the dock. See src/content.
import { hubspotPage } from '../../src/crm/hubspot/page.ts';
import { startCrmContent } from '../../src/content/start-crm.ts';

startCrmContent(hubspotPage);
