/**
 * Zendesk Support records built from the seed, in the API's shapes (users, organizations,
 * tickets, comments), plus the signed-in agent whose session the page's cookies carry.
 */
import { COMPANIES, ITEMS, PEOPLE, companyOf, fullName } from './seed.ts';

export type ZdRecord = Record<string, unknown> & { id: number };

export const ZD_SUBDOMAIN = 'acme';
export const ZD_ORIGIN = `https://${ZD_SUBDOMAIN}.zendesk.com`;
export const ZD_SESSION = 'stub-zendesk-session-cookie';
export const ZD_CSRF = 'stub-csrf-token-W/oOCh3';
export const ZD_AGENT_ID = 900;

export interface ZdData {
  users: ZdRecord[];
  organizations: ZdRecord[];
  tickets: ZdRecord[];
  comments: Record<number, ZdRecord[]>;
  /** Idempotency-Key → the ticket its first request created. */
  idempotency: Map<string, { body: string; ticket: ZdRecord }>;
}

const api = (path: string): string => `${ZD_ORIGIN}/api/v2/${path}.json`;
const STAMP = '2024-10-01T08:00:00Z';
const OPEN_STATUSES = ['open', 'new', 'pending'];

export function buildZendeskData(): ZdData {
  const organizations = COMPANIES.map((c, i) => ({
    id: 501 + i,
    url: api(`organizations/${501 + i}`),
    name: c.name,
    created_at: STAMP,
    updated_at: STAMP,
  }));
  const users: ZdRecord[] = PEOPLE.map((p, i) => ({
    id: 1001 + i,
    url: api(`users/${1001 + i}`),
    name: fullName(p),
    email: null,
    phone: p.phone ?? null,
    shared_phone_number: false,
    role: 'end-user',
    organization_id: organizations.find((o) => o.name === companyOf(p)?.name)?.id ?? null,
    active: true,
    created_at: STAMP,
    updated_at: STAMP,
    user_fields: {},
  }));
  users.push({
    id: ZD_AGENT_ID,
    url: api(`users/${ZD_AGENT_ID}`),
    name: 'Agnes Agent',
    email: 'agent@example.test',
    phone: '+49 30 9876543',
    role: 'agent',
    organization_id: null,
    active: true,
    created_at: STAMP,
    updated_at: STAMP,
  });

  const tickets = ITEMS.map((item, i) =>
    ticket(i + 1, {
      subject: item.subject,
      status: item.open ? OPEN_STATUSES[i % 3] : 'solved',
      requester_id: 1001 + PEOPLE.findIndex((p) => p.key === item.personKey),
      created_at: item.created,
      updated_at: item.created,
    }),
  );
  return { users, organizations, tickets, comments: {}, idempotency: new Map() };
}

export function ticket(id: number, fields: Record<string, unknown>): ZdRecord {
  return {
    id,
    url: api(`tickets/${id}`),
    external_id: null,
    subject: null,
    description: null,
    status: 'new',
    priority: null,
    requester_id: null,
    submitter_id: ZD_AGENT_ID,
    assignee_id: ZD_AGENT_ID,
    organization_id: null,
    tags: [],
    via: { channel: 'api' },
    created_at: STAMP,
    updated_at: STAMP,
    ...fields,
  };
}

/** Zendesk's list envelope for offset pagination: the first page, `per_page` 1-100 (100). */
export function page(
  key: string,
  records: ZdRecord[],
  query?: URLSearchParams,
): Record<string, unknown> {
  const perPage = Math.min(100, Math.max(1, Number(query?.get('per_page') ?? 100) || 100));
  const more = records.length > perPage;
  return {
    [key]: records.slice(0, perPage),
    next_page: more ? `${ZD_ORIGIN}/api/v2/${key}.json?page=2&per_page=${perPage}` : null,
    previous_page: null,
    count: records.length,
  };
}
