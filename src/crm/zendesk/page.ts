/**
 * Zendesk Support agent workspace (`<subdomain>.zendesk.com/agent`): user profiles, tickets and
 * organizations. Record URLs: `/agent/users/<id>`, `/agent/tickets/<id>`,
 * `/agent/organizations/<id>`, each optionally followed by a sub-tab (`/requested_tickets`).
 */
import type { CrmPage } from '../page-adapter.ts';

const RECORD_PATH = /^\/agent\/(users|tickets|organizations)\/(\d{1,20})(?:\/|$)/;
const TYPES: Record<string, string> = {
  users: 'user',
  tickets: 'ticket',
  organizations: 'organization',
};

export const zendeskPage: CrmPage = {
  crm: 'zendesk',
  matches: ['https://*.zendesk.com/agent', 'https://*.zendesk.com/agent/*'],
  phoneFields: [
    {
      selector: '[data-test-id="user-identity-phone"] input',
      note: 'user profile, left pane: a phone identity (an editable input)',
    },
    {
      selector: '[data-test-id="customer-context-phone"]',
      note: "ticket view, customer context panel: the requester's phone",
    },
    {
      selector: 'td[data-column-id="phone"]',
      note: 'customer lists and search results table, phone column',
    },
  ],
  rows: [{ selector: 'table tbody tr', note: 'views, customer lists, search results' }],

  recordFromUrl(url) {
    const m = RECORD_PATH.exec(url.pathname);
    const type = TYPES[m?.[1] ?? ''];
    return type && m?.[2] ? { type, id: m[2] } : undefined;
  },

  recordTitle(doc) {
    const subject = doc.querySelector<HTMLInputElement>(
      'input[data-test-id="omni-header-subject"]',
    );
    if (subject?.value.trim()) return subject.value.trim();
    const name = doc.querySelector('[data-test-id="user-profile-name"]')?.textContent?.trim();
    return name || doc.title.split(' – ')[0]?.trim() || undefined;
  },
};
