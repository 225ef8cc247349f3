// Content script for zendesk pages: click-to-call, call links, the dock, and the hub's caller
// lookups and call logs run with the page's session. See src/content and src/crm/zendesk.
import { answerCrmRequests } from '../../src/crm/zendesk/page-handler.ts';
import { zendeskPage } from '../../src/crm/zendesk/page.ts';
import { startCrmContent } from '../../src/content/start-crm.ts';

startCrmContent(zendeskPage, document, (signal) => answerCrmRequests(signal));
