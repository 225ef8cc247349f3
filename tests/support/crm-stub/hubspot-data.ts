/**
 * HubSpot CRM objects built from the seed, in the v3 shape
 * `{id, properties, createdAt, updatedAt, archived}` (all property values are strings).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { COMPANIES, ITEMS, OWNERS, PEOPLE, companyOf } from './seed.ts';

export interface HsObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface HsAssociation {
  from: string;
  to: string;
  typeId: number;
}

export interface HsData {
  objects: Record<'contacts' | 'companies' | 'deals' | 'calls', HsObject[]>;
  /** `contacts→companies`, `contacts→deals`, `calls→contacts`, ... */
  associations: Record<string, HsAssociation[]>;
  owners: { id: string; email: string; firstName: string; lastName: string }[];
}

export const HS_PORTAL_ID = 4711;
export const HS_UI_DOMAIN = 'app-eu1.hubspot.com';

/** The properties each object has; anything else in a filter or write is refused. */
export const HS_PROPERTIES: Record<string, string[]> = {
  contacts: [
    'firstname',
    'lastname',
    'email',
    'phone',
    'mobilephone',
    'hs_searchable_calculated_phone_number',
    'hs_searchable_calculated_mobile_number',
    'jobtitle',
    'company',
    'hubspot_owner_id',
    'notes_last_contacted',
    'createdate',
    'lastmodifieddate',
    'hs_object_id',
  ],
  companies: [
    'name',
    'phone',
    'hubspot_owner_id',
    'notes_last_contacted',
    'createdate',
    'hs_object_id',
  ],
  deals: [
    'dealname',
    'dealstage',
    'pipeline',
    'closedate',
    'amount',
    'hs_is_closed',
    'createdate',
    'hs_object_id',
  ],
  calls: [
    'hs_timestamp',
    'hs_call_title',
    'hs_call_body',
    'hs_call_direction',
    'hs_call_duration',
    'hs_call_status',
    'hs_call_from_number',
    'hs_call_to_number',
    'hs_call_external_id',
    'hs_call_disposition',
    'hubspot_owner_id',
    'hs_object_id',
  ],
};

/** Default association type ids (HUBSPOT_DEFINED) from a call to each object. */
export const CALL_ASSOCIATION_TYPES: Record<number, 'contacts' | 'companies' | 'deals'> = {
  194: 'contacts',
  182: 'companies',
  206: 'deals',
};

export const DEAL_STAGES = [
  { id: 'appointmentscheduled', label: 'Appointment scheduled', closed: false },
  { id: 'contractsent', label: 'Contract sent', closed: false },
  { id: 'closedwon', label: 'Closed won', closed: true },
];

const CREATED = '2024-11-05T10:00:00.000Z';

export function hsObject(id: string, properties: Record<string, string | null>): HsObject {
  const now = new Date().toISOString();
  return {
    id,
    properties: { hs_object_id: id, createdate: CREATED, ...properties },
    createdAt: CREATED,
    updatedAt: now,
    archived: false,
  };
}

export function buildHubspotData(): HsData {
  const owners = OWNERS.map((name, i) => {
    const [firstName = '', lastName = ''] = name.split(' ');
    return {
      id: String(11 + i),
      email: `${firstName.toLowerCase()}@example.test`,
      firstName,
      lastName,
    };
  });
  const ownerId = (name: string): string => owners[OWNERS.indexOf(name as never)]?.id ?? '';

  const companies = COMPANIES.map((c, i) =>
    hsObject(String(201 + i), { name: c.name, phone: c.phone, hubspot_owner_id: ownerId(c.owner) }),
  );
  const contacts = PEOPLE.map((p, i) =>
    hsObject(String(101 + i), {
      firstname: p.first,
      lastname: p.last,
      phone: p.phone ?? null,
      mobilephone: p.mobile ?? null,
      hs_searchable_calculated_phone_number: searchable(p.phone),
      hs_searchable_calculated_mobile_number: searchable(p.mobile),
      jobtitle: p.title ?? null,
      company: companyOf(p)?.name ?? null,
      hubspot_owner_id: ownerId(p.owner),
      notes_last_contacted: p.lastActivity ? `${p.lastActivity}T12:00:00.000Z` : null,
    }),
  );
  const deals = ITEMS.map((item, i) => {
    const stage = item.open ? DEAL_STAGES[i % 2] : DEAL_STAGES[2];
    return hsObject(String(301 + i), {
      dealname: item.subject,
      dealstage: stage?.id ?? null,
      pipeline: 'default',
      closedate: item.created,
      createdate: item.created,
      hs_is_closed: String(!item.open),
    });
  });

  const contactId = (key: string): string => String(101 + PEOPLE.findIndex((p) => p.key === key));
  return {
    objects: { contacts, companies, deals, calls: [] },
    associations: {
      'contacts→companies': PEOPLE.filter((p) => p.companyKey).map((p) => ({
        from: contactId(p.key),
        to: String(201 + COMPANIES.findIndex((c) => c.key === p.companyKey)),
        typeId: 279,
      })),
      'contacts→deals': ITEMS.map((item, i) => ({
        from: contactId(item.personKey),
        to: String(301 + i),
        typeId: 4,
      })),
    },
    owners,
  };
}

/**
 * HubSpot's own calculated, searchable form of a contact's number: the national number's
 * digits without country code (read-only, set by HubSpot from `phone` and the portal's
 * country). Emulated with libphonenumber-js for a German portal.
 */
function searchable(phone: string | undefined): string | null {
  return (phone && parsePhoneNumberFromString(phone, 'DE')?.nationalNumber) || null;
}
