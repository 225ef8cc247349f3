// Content script for salesforce pages: click-to-call, call links, the dock, and screen-pops
// opened through Lightning's own link handling. See src/content.
import { salesforcePage } from '../../src/crm/salesforce/page.ts';
import { answerOpenRecord } from '../../src/content/open-record.ts';
import { startCrmContent } from '../../src/content/start-crm.ts';

startCrmContent(salesforcePage, document, (signal) => answerOpenRecord(signal));
