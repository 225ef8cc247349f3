/**
 * The page side of a CRM adapter: what the content script needs to know about one CRM's web
 * app. Selectors are data, each with a note naming the page variant it serves, so a markup
 * change in the CRM is a one-line fix. The API side (lookups, logging, authentication) is a
 * separate interface; a CRM is one `page.ts` plus one API adapter, and one line in each registry.
 *
 * Everything read from the page is untrusted: record ids are checked against the CRM's own id
 * shape, names are plain text and are cut to a sane length.
 */
import type { CrmName, RecordRef } from '../protocol/phone-state.ts';

export interface FieldSelector {
  /** Matches an element that holds exactly one phone number (text, or `value` for inputs). */
  selector: string;
  /** The CRM page variant this selector serves, e.g. "Lightning record page, Details tab". */
  note: string;
}

/** A record as read from a URL: the name comes from the page, when it shows one. */
export type RecordKey = Pick<RecordRef, 'type' | 'id'>;

export interface CrmPage {
  crm: CrmName;
  /** Match patterns of the hosts this page side serves (as in manifest.json content_scripts). */
  matches: readonly string[];
  /** Known phone fields: their content is a phone number without further evidence. */
  phoneFields: readonly FieldSelector[];
  /** Rows of list views and tables whose record link says which record a number belongs to. */
  rows: readonly FieldSelector[];
  /**
   * The label of the field whose value `element` is part of, where the CRM's markup says it
   * (Salesforce layout items carry `field-label`): read like a label written before the value.
   */
  fieldLabel?: (element: Element) => string | undefined;
  /** The record a CRM URL points at (a record page, or a record link in a list). */
  recordFromUrl(url: URL): RecordKey | undefined;
  /** The display name of the record the page shows, from its header. */
  recordTitle(doc: Document): string | undefined;
}

const MAX_NAME = 200;

/** The record the page shows, from its URL and header. */
export function pageRecord(page: CrmPage, url: URL, doc: Document): RecordRef | undefined {
  const key = page.recordFromUrl(url);
  if (!key) return undefined;
  const name = page.recordTitle(doc)?.trim().slice(0, MAX_NAME);
  return { crm: page.crm, ...key, url: url.href, ...(name ? { name } : {}) };
}

/**
 * The record a number at `node` belongs to: in a list row, the row's record link (and its text
 * as the name); otherwise the record the page shows.
 */
export function recordAt(
  page: CrmPage,
  node: Node,
  url: URL,
  doc: Document,
): RecordRef | undefined {
  const start = node instanceof Element ? node : node.parentElement;
  const row = page.rows.length ? start?.closest(page.rows.map((r) => r.selector).join(',')) : null;
  for (const link of row ? Array.from(row.querySelectorAll('a[href]')) : []) {
    const href = new URL(link.getAttribute('href') ?? '', url);
    const key = href.origin === url.origin ? page.recordFromUrl(href) : undefined;
    if (!key) continue;
    const name = link.textContent?.trim().slice(0, MAX_NAME);
    return { crm: page.crm, ...key, url: href.href, ...(name ? { name } : {}) };
  }
  return pageRecord(page, url, doc);
}
