/**
 * HubSpot (`app.hubspot.com`, `app-eu1.hubspot.com`): contact, company and deal records and
 * their list views. Record URLs: `/contacts/<portal>/record/<objectTypeId>/<id>`, with the
 * object type ids of https://developers.hubspot.com/docs/api/crm/understanding-the-crm
 * (0-1 contacts, 0-2 companies, 0-3 deals, 0-5 tickets); older `/contacts/<portal>/contact/<id>`.
 */
import type { CrmPage } from '../page-adapter.ts';

const OBJECT_TYPES: Record<string, string> = {
  '0-1': 'contact',
  '0-2': 'company',
  '0-3': 'deal',
  '0-5': 'ticket',
  contact: 'contact',
  company: 'company',
  deal: 'deal',
  ticket: 'ticket',
};

const RECORD_PATH =
  /^\/contacts\/\d{1,12}\/(?:record\/(0-[1235])|(contact|company|deal|ticket))\/(\d{1,20})(?:\/|$)/;

export const hubspotPage: CrmPage = {
  crm: 'hubspot',
  matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  phoneFields: [
    {
      selector: '[data-selenium-test="property-input-phone"]',
      note: 'record sidebar "About this contact": Phone number (a read-only input until edited)',
    },
    {
      selector: '[data-selenium-test="property-input-mobilephone"]',
      note: 'record sidebar: Mobile phone number',
    },
    {
      selector: '[data-selenium-test="property-input-fax"]',
      note: 'record sidebar: Fax number',
    },
    {
      selector: '[data-test-id="phone-number"]',
      note: 'record highlight card: the primary phone under the name',
    },
    {
      selector: 'td[data-column-name="phone"], td[data-column-name="mobilephone"]',
      note: 'list view (index page) cells of the phone columns',
    },
  ],
  rows: [
    { selector: 'table tbody tr', note: 'list views (index pages) of contacts, companies, deals' },
  ],

  recordFromUrl(url) {
    const m = RECORD_PATH.exec(url.pathname);
    const type = OBJECT_TYPES[m?.[1] ?? m?.[2] ?? ''];
    return type && m?.[3] ? { type, id: m[3] } : undefined;
  },

  recordTitle(doc) {
    const title = doc.querySelector('[data-selenium-test="highlightTitle"]')?.textContent?.trim();
    return title || doc.title.split(' | ')[0]?.trim() || undefined;
  },
};
