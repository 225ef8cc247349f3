// Content script for salesforce pages: click-to-call, call links and the dock. See src/content.
import { salesforcePage } from '../../src/crm/salesforce/page.ts';
import { startCrmContent } from '../../src/content/start-crm.ts';

startCrmContent(salesforcePage);
