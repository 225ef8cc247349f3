/**
 * Salesforce records built from the seed, in the REST API's shapes: every record carries
 * `attributes` {type, url}; relationship fields (`Account.Name`) come back as nested records.
 */
import { COMPANIES, ITEMS, OWNERS, PEOPLE, companyOf, type SeedPerson } from './seed.ts';

export type SfRecord = Record<string, unknown> & { Id: string };

/** An 18-character id with the object's key prefix (001 Account, 003 Contact, ...). */
export function sfId(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(12, '0')}AAA`;
}

export const SF_FIELDS: Record<string, string[]> = {
  Contact: [
    'Id',
    'Name',
    'FirstName',
    'LastName',
    'Title',
    'Email',
    'Phone',
    'MobilePhone',
    'HomePhone',
    'OtherPhone',
    'AccountId',
    'Account.Name',
    'OwnerId',
    'Owner.Name',
    'LastActivityDate',
  ],
  Account: ['Id', 'Name', 'Phone', 'Fax', 'OwnerId', 'Owner.Name', 'LastActivityDate'],
  Lead: [
    'Id',
    'Name',
    'FirstName',
    'LastName',
    'Title',
    'Company',
    'Phone',
    'MobilePhone',
    'OwnerId',
    'Owner.Name',
    'LastActivityDate',
    'IsConverted',
    'Status',
  ],
  Case: [
    'Id',
    'CaseNumber',
    'Subject',
    'Status',
    'Priority',
    'CreatedDate',
    'ContactId',
    'AccountId',
    'IsClosed',
  ],
};

export const PHONE_FIELDS = ['Phone', 'MobilePhone', 'HomePhone', 'OtherPhone', 'Fax'];

export interface SfData {
  records: Record<string, SfRecord[]>;
  tasks: SfRecord[];
}

export function buildSalesforceData(version: string): SfData {
  const url = (type: string, id: string): string =>
    `/services/data/${version}/sobjects/${type}/${id}`;
  const ref = (type: string, id: string, name: string): SfRecord => ({
    attributes: { type, url: url(type, id) },
    Id: id,
    Name: name,
  });
  const owner = (name: string): SfRecord =>
    ref('User', sfId('005', OWNERS.indexOf(name as never) + 1), name);

  const accounts = COMPANIES.map((c, i) => ({
    Id: sfId('001', i + 1),
    Name: c.name,
    Phone: c.phone,
    Fax: null,
    Owner: owner(c.owner),
    OwnerId: owner(c.owner).Id,
    LastActivityDate: null,
  }));
  const accountOf = (p: SeedPerson): SfRecord | undefined =>
    accounts.find((a) => a.Name === companyOf(p)?.name);

  const person = (p: SeedPerson, prefix: string, i: number): SfRecord => ({
    Id: sfId(prefix, i + 1),
    Name: `${p.first} ${p.last}`,
    FirstName: p.first,
    LastName: p.last,
    Title: p.title ?? null,
    Email: null,
    Phone: p.phone ?? null,
    MobilePhone: p.mobile ?? null,
    HomePhone: null,
    OtherPhone: null,
    OwnerId: owner(p.owner).Id,
    Owner: owner(p.owner),
    LastActivityDate: p.lastActivity ?? null,
  });
  const contacts: SfRecord[] = PEOPLE.filter((p) => !p.lead).map((p, i) => {
    const account = accountOf(p);
    return {
      ...person(p, '003', i),
      AccountId: account?.Id ?? null,
      Account: account ? ref('Account', account.Id, String(account.Name)) : null,
    };
  });
  const leads = PEOPLE.filter((p) => p.lead).map((p, i) => ({
    ...person(p, '00Q', i),
    Company: companyOf(p)?.name ?? 'Neumann Handel',
    IsConverted: false,
    Status: 'Open - Not Contacted',
  }));

  const contactOf = (key: string): SfRecord | undefined => {
    const seed = PEOPLE.find((p) => p.key === key);
    return contacts.find((c) => c.Name === (seed ? `${seed.first} ${seed.last}` : ''));
  };
  const cases = ITEMS.map((item, i) => {
    const contact = contactOf(item.personKey);
    return {
      Id: sfId('500', i + 1),
      CaseNumber: String(1000 + i + 1).padStart(8, '0'),
      Subject: item.subject,
      Status: item.status,
      Priority: 'Medium',
      CreatedDate: item.created.replace('Z', '.000+0000'),
      ContactId: contact?.Id ?? null,
      AccountId: contact?.AccountId ?? null,
      IsClosed: !item.open,
    };
  });

  const withAttributes = (type: string, list: SfRecord[]): SfRecord[] =>
    list.map((r) => ({ attributes: { type, url: url(type, r.Id) }, ...r }));
  return {
    records: {
      Account: withAttributes('Account', accounts),
      Contact: withAttributes('Contact', contacts),
      Lead: withAttributes('Lead', leads),
      Case: withAttributes('Case', cases),
    },
    tasks: [],
  };
}

/** The record with only the asked fields, relationship fields nested as Salesforce does. */
export function project(record: SfRecord, fields: string[]): SfRecord {
  const out: SfRecord = { attributes: record.attributes, Id: record.Id };
  for (const field of fields) {
    const [head = '', sub] = field.split('.');
    if (!sub) {
      out[head] = record[head] ?? null;
      continue;
    }
    const related = record[head] as SfRecord | null | undefined;
    out[head] = related ? { attributes: related.attributes, [sub]: related[sub] ?? null } : null;
  }
  return out;
}
