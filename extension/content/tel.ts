// Content script for call links (tel:, callto:, sip:) in every frame of the CRM hosts, such as
// e-mail bodies shown in frames. In a frame where a CRM script runs, it steps aside.
import { startLinkContent } from '../../src/content/start-links.ts';

startLinkContent();
