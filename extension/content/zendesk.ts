// Content script for zendesk pages: click-to-call, call links and the dock. See src/content.
import { zendeskPage } from '../../src/crm/zendesk/page.ts';
import { startCrmContent } from '../../src/content/start-crm.ts';

startCrmContent(zendeskPage);
