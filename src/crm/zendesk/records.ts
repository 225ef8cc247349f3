/**
 * Zendesk Support users and tickets turned into CrmMatch and CrmItem. Field values are
 * untrusted text and stay text.
 */
import type { CrmItem, CrmMatch } from '../api-adapter.ts';
import { scoreRecord, type ScoreOptions } from '../match-score.ts';

export interface ZdUser {
  id: number;
  name?: string | null;
  phone?: string | null;
  organization_id?: number | null;
  role?: string;
}

export interface ZdTicket {
  id: number;
  subject?: string | null;
  status?: string;
  created_at?: string;
  updated_at?: string;
}

export interface ZdOrganization {
  id: number;
  name?: string | null;
}

/** Statuses of a ticket still being worked on. */
export const OPEN_STATUSES = ['new', 'open', 'pending', 'hold'];

export function zendeskUrls(origin: string): (type: string, id: number | string) => string {
  const paths: Record<string, string> = {
    user: 'users',
    ticket: 'tickets',
    organization: 'organizations',
  };
  return (type, id) => `${origin}/agent/${paths[type] ?? type}/${encodeURIComponent(String(id))}`;
}

export function toMatch(
  user: ZdUser,
  e164: string,
  options: ScoreOptions,
  url: (type: string, id: number | string) => string,
): CrmMatch | undefined {
  const phones = user.phone ? [user.phone] : [];
  const scored = scoreRecord(phones, e164, 'person', options);
  if (!scored) return undefined;
  const name = user.name || String(user.id);
  const id = String(user.id);
  return {
    crm: 'zendesk',
    ref: { crm: 'zendesk', type: 'user', id, name, url: url('user', id) },
    name,
    phones,
    items: [],
    url: url('user', id),
    ...scored,
  };
}

export function toTicketItem(ticket: ZdTicket, url: (type: string, id: number) => string): CrmItem {
  return {
    kind: 'ticket',
    label: ticket.subject || `#${ticket.id}`,
    status: ticket.status ?? '',
    date: ticket.created_at ?? '',
    url: url('ticket', ticket.id),
  };
}

/** Organisation names and the user's requested tickets onto the match. */
export function fillMatch(
  match: CrmMatch,
  user: ZdUser,
  organizations: readonly ZdOrganization[],
  tickets: readonly ZdTicket[],
  url: (type: string, id: number | string) => string,
): void {
  const organization = organizations.find((o) => o.id === user.organization_id);
  if (organization) {
    const id = String(organization.id);
    match.related = { crm: 'zendesk', type: 'organization', id, url: url('organization', id) };
    if (organization.name) {
      match.company = organization.name;
      match.related.name = organization.name;
    }
  }

  const open = tickets.filter((t) => OPEN_STATUSES.includes(t.status ?? ''));
  match.items = open.map((t) => toTicketItem(t, url)).sort((a, b) => b.date.localeCompare(a.date));
  const latest = tickets
    .map((t) => t.updated_at ?? '')
    .sort()
    .at(-1);
  if (latest) match.lastInteraction = latest;
}
