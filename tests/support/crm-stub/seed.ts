/**
 * The CRM-neutral data every contract stub serves, each in its own CRM's shapes and ids.
 * It holds field-failures C25 (three contacts and a company sharing `+49 30 1234567-0` in
 * different forms, an internal "Our Office" contact with the agent's own number) and C28 (a
 * contact named with markup, an open item whose subject is markup).
 */

export interface SeedCompany {
  key: string;
  name: string;
  phone: string;
  owner: string;
}

export interface SeedPerson {
  key: string;
  first: string;
  last: string;
  title?: string;
  phone?: string;
  mobile?: string;
  companyKey?: string;
  owner: string;
  /** ISO date of the last activity. */
  lastActivity?: string;
  /** Salesforce only: a Lead instead of a Contact. */
  lead?: boolean;
}

export interface SeedItem {
  key: string;
  personKey: string;
  subject: string;
  /** Salesforce case status, Zendesk ticket status, HubSpot deal stage id. */
  status: string;
  open: boolean;
  /** ISO date-time it was opened. */
  created: string;
}

export const OWNERS = ['Olga Owner', 'Max Mustermann'] as const;

/** The agent's own outbound caller ID, stored on an internal contact (C25). */
export const AGENT_NUMBER = '+49309876543';

/** Numbers the tests call from, E.164. */
export const NUMBERS = {
  switchboard: '+493012345670',
  dana: '+498920001234',
  markup: '+49405550100',
  lead: '+492219990000',
  unknown: '+493055500000',
} as const;

export const COMPANIES: SeedCompany[] = [
  { key: 'muster', name: 'Muster GmbH', phone: '+49 30 1234567-0', owner: 'Olga Owner' },
  { key: 'isar', name: 'Isar Logistik AG', phone: '+49 89 2000 1000', owner: 'Max Mustermann' },
];

export const PEOPLE: SeedPerson[] = [
  {
    key: 'anna',
    first: 'Anna',
    last: 'Albrecht',
    title: 'Einkauf',
    phone: '+493012345670',
    companyKey: 'muster',
    owner: 'Olga Owner',
    lastActivity: '2025-05-02',
  },
  {
    key: 'bernd',
    first: 'Bernd',
    last: 'Becker',
    title: 'Geschäftsführer',
    phone: '030 1234567-0',
    companyKey: 'muster',
    owner: 'Olga Owner',
    lastActivity: '2025-04-11',
  },
  {
    key: 'clara',
    first: 'Clara',
    last: 'Schmidt',
    phone: '+49 (0)30 1234567-0',
    companyKey: 'muster',
    owner: 'Max Mustermann',
  },
  {
    key: 'office',
    first: 'Our',
    last: 'Office',
    phone: '+49 30 9876543',
    owner: 'Olga Owner',
  },
  {
    key: 'dana',
    first: 'Dana',
    last: 'Fischer',
    title: 'Head of Operations',
    phone: '+49 89 2000 1234',
    mobile: '+49 151 23456789',
    companyKey: 'isar',
    owner: 'Max Mustermann',
    lastActivity: '2025-06-20',
  },
  {
    key: 'markup',
    first: 'Acme',
    last: '<b>Bold</b> "Quote" & Co',
    title: '<img src=x onerror=alert(1)>',
    phone: '040 5550100',
    owner: 'Olga Owner',
  },
  {
    key: 'frank',
    first: 'Frank',
    last: 'Neumann',
    title: 'Einkauf',
    phone: '0221 9990000',
    owner: 'Max Mustermann',
    lead: true,
  },
];

export const ITEMS: SeedItem[] = [
  {
    key: 'anna-1',
    personKey: 'anna',
    subject: 'Lieferung unvollständig',
    status: 'Working',
    open: true,
    created: '2025-05-01T09:30:00Z',
  },
  {
    key: 'anna-2',
    personKey: 'anna',
    subject: 'Rechnung doppelt',
    status: 'Closed',
    open: false,
    created: '2025-03-12T14:00:00Z',
  },
  {
    key: 'dana-1',
    personKey: 'dana',
    subject: 'Rahmenvertrag verlängern',
    status: 'New',
    open: true,
    created: '2025-06-18T08:00:00Z',
  },
  {
    key: 'dana-2',
    personKey: 'dana',
    subject: 'Zugang zum Portal',
    status: 'Escalated',
    open: true,
    created: '2025-06-19T16:45:00Z',
  },
  {
    key: 'markup-1',
    personKey: 'markup',
    subject: '<script>alert(2)</script> Bestellung',
    status: 'New',
    open: true,
    created: '2025-02-02T10:00:00Z',
  },
];

export function fullName(person: SeedPerson): string {
  return `${person.first} ${person.last}`;
}

export function companyOf(person: SeedPerson): SeedCompany | undefined {
  return COMPANIES.find((c) => c.key === person.companyKey);
}

/** Every digit of a stored value: how the stubs compare numbers a search asks for. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}
