/**
 * Salesforce Lightning Experience (`*.lightning.force.com`): record pages, list views and the
 * Service Console, which shows records in workspace tabs under the same URL scheme.
 * Record URLs: `/lightning/r/<Object>/<15 or 18 character id>/view` (also `/related/...`),
 * as "Page definitions" in the Lightning Components Developer Guide (developer.salesforce.com,
 * atlas.en-us.lightning.meta, components_navigation_page_definitions).
 */
import type { CrmPage } from '../page-adapter.ts';

const RECORD_PATH =
  /^\/lightning\/r\/(?:([A-Za-z][A-Za-z0-9_]{0,79})\/)?([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)\//;

// The id's first three characters name the object when the URL does not (short form).
const KEY_PREFIXES: Record<string, string> = {
  '001': 'Account',
  '003': 'Contact',
  '00Q': 'Lead',
  '006': 'Opportunity',
  '500': 'Case',
};

const TITLES = [
  // Service Console: only the focused workspace tab's header counts.
  '.oneConsoleTab.active records-highlights2 [slot="primaryField"]',
  // Record page header (Lightning Record Page, highlights panel).
  'records-highlights2 [slot="primaryField"]',
  'records-lwc-highlights-panel [slot="primaryField"]',
  '.slds-page-header__title',
];

export const salesforcePage: CrmPage = {
  crm: 'salesforce',
  matches: ['https://*.lightning.force.com/*'],
  phoneFields: [
    {
      selector: 'lightning-formatted-phone',
      note: 'record page details and highlights; renders a tel: link unless disabled',
    },
    {
      selector: 'records-record-layout-item[field-label*="phone" i] .test-id__field-value',
      note: 'record page detail field, any label containing "Phone" (Mobile Phone, Home Phone)',
    },
    {
      selector: 'records-record-layout-item[field-label*="telefon" i] .test-id__field-value',
      note: 'record page detail field in a German org (Telefon, Mobiltelefon)',
    },
    {
      selector: 'td[data-label*="phone" i], td[data-label*="telefon" i]',
      note: 'list view cell (lightning-datatable) of a phone column',
    },
  ],
  rows: [{ selector: 'table[role="grid"] tr', note: 'list views and related lists' }],

  fieldLabel: (element) =>
    // Record page detail fields, then the highlights panel's compact fields.
    element.closest('records-record-layout-item')?.getAttribute('field-label') ??
    element
      .closest('records-highlights-details-item')
      ?.querySelector('[title]')
      ?.getAttribute('title') ??
    undefined,

  recordFromUrl(url) {
    const m = RECORD_PATH.exec(url.pathname);
    if (!m?.[2]) return undefined;
    const type = m[1] ?? KEY_PREFIXES[m[2].slice(0, 3)] ?? 'Record';
    return { type, id: m[2] };
  },

  recordTitle(doc) {
    for (const selector of TITLES) {
      const text = doc.querySelector(selector)?.textContent?.trim();
      if (text) return text;
    }
    // "Jane Doe | Contact | Salesforce"
    return doc.title.split(' | ')[0]?.trim() || undefined;
  },
};
