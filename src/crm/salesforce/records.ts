/**
 * Salesforce REST records (SOSL `searchRecords`, SOQL `records`) turned into CrmMatch and
 * CrmItem. Field values are untrusted text and stay text.
 */
import type { CrmItem, CrmMatch } from '../api-adapter.ts';
import { scoreRecord, type ScoreOptions } from '../match-score.ts';

export interface SfRecord {
  attributes: { type: string; url: string };
  Id: string;
  [field: string]: unknown;
}

const PHONE_FIELDS = ['Phone', 'MobilePhone', 'HomePhone', 'OtherPhone'];

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const relatedName = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null
    ? str((value as Record<string, unknown>).Name)
    : undefined;

export function toMatch(
  record: SfRecord,
  e164: string,
  options: ScoreOptions,
  url: (type: string, id: string) => string,
): CrmMatch | undefined {
  const type = record.attributes.type;
  if (type === 'Lead' && record.IsConverted === true) return undefined;
  const phones = PHONE_FIELDS.map((f) => str(record[f])).filter((p): p is string => !!p);
  const kind = type === 'Account' ? 'organisation' : 'person';
  const scored = scoreRecord(phones, e164, kind, options);
  if (!scored) return undefined;

  const name = str(record.Name) ?? record.Id;
  const match: CrmMatch = {
    crm: 'salesforce',
    ref: { crm: 'salesforce', type, id: record.Id, name, url: url(type, record.Id) },
    name,
    phones,
    items: [],
    url: url(type, record.Id),
    ...scored,
  };
  const company = type === 'Lead' ? str(record.Company) : relatedName(record.Account);
  const optional = {
    company,
    title: str(record.Title),
    owner: relatedName(record.Owner),
    lastInteraction: str(record.LastActivityDate),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value) match[key as keyof typeof optional] = value;
  }

  const accountId = str(record.AccountId);
  if (type === 'Contact' && accountId) {
    match.related = {
      crm: 'salesforce',
      type: 'Account',
      id: accountId,
      url: url('Account', accountId),
    };
    if (company) match.related.name = company;
  }
  return match;
}

/** Open cases onto their contact, or their account when it matched itself. */
export function attachCases(
  matches: CrmMatch[],
  cases: SfRecord[],
  url: (type: string, id: string) => string,
): void {
  for (const record of cases) {
    const owner =
      matches.find((m) => m.ref.type === 'Contact' && m.ref.id === record.ContactId) ??
      matches.find((m) => m.ref.type === 'Account' && m.ref.id === record.AccountId);
    owner?.items.push(toItem(record, url));
  }
}

/** Both case answers as one list, each case once, newest first. */
export function mergeCases(...lists: SfRecord[][]): SfRecord[] {
  const byId = new Map(lists.flat().map((c) => [c.Id, c]));
  const created = (c: SfRecord): string => str(c.CreatedDate) ?? '';
  return [...byId.values()].sort((a, b) => created(b).localeCompare(created(a)));
}

function toItem(record: SfRecord, url: (type: string, id: string) => string): CrmItem {
  return {
    kind: 'case',
    label: str(record.Subject) ?? str(record.CaseNumber) ?? record.Id,
    status: str(record.Status) ?? '',
    date: isoDate(str(record.CreatedDate)),
    url: url('Case', record.Id),
  };
}

/** Salesforce writes `2025-05-01T09:30:00.000+0000`; ISO 8601 wants `+00:00`. */
export function isoDate(value: string | undefined): string {
  if (!value) return '';
  const fixed = value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  const time = Date.parse(fixed);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}
