// Content script for zendesk pages: click-to-call, call links, the dock, and the relay that
// sends the hub's Zendesk API requests with the page's session. See src/content, src/crm/zendesk.
import { answerCrmFetches } from '../../src/crm/zendesk/page-relay.ts';
import { zendeskPage } from '../../src/crm/zendesk/page.ts';
import { startCrmContent } from '../../src/content/start-crm.ts';

startCrmContent(zendeskPage, document, (signal) => answerCrmFetches(signal));
