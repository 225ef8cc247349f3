/**
 * HubSpot CRM objects (`{id, properties}`, every value a string or null) turned into
 * CrmMatch and CrmItem. Field values are untrusted text and stay text.
 */
import type { CrmItem, CrmMatch } from '../api-adapter.ts';
import { scoreRecord, type ScoreOptions } from '../match-score.ts';

export interface HsObject {
  id: string;
  properties: Record<string, string | null | undefined>;
}

export interface HsOwner {
  id: string;
  firstName?: string;
  lastName?: string;
  email?: string;
}

export interface HsStage {
  id: string;
  label: string;
  metadata?: { isClosed?: string };
}

/** HubSpot's object type ids, as used in record page URLs. */
export const OBJECT_TYPE_IDS: Record<string, string> = {
  contact: '0-1',
  company: '0-2',
  deal: '0-3',
};

const str = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value === '' ? undefined : value;

export function ownerName(
  owners: readonly HsOwner[],
  id: string | null | undefined,
): string | undefined {
  const owner = owners.find((o) => o.id === id);
  if (!owner) return undefined;
  return str([owner.firstName, owner.lastName].filter(Boolean).join(' ')) ?? str(owner.email);
}

export function toMatch(
  object: HsObject,
  type: 'contact' | 'company',
  e164: string,
  options: ScoreOptions,
  context: { owners: readonly HsOwner[]; url: (type: string, id: string) => string },
): CrmMatch | undefined {
  const p = object.properties;
  const phones = [str(p.phone), str(p.mobilephone)].filter((v): v is string => !!v);
  const scored = scoreRecord(phones, e164, type === 'contact' ? 'person' : 'organisation', options);
  if (!scored) return undefined;

  const fullName = [str(p.firstname), str(p.lastname)].filter(Boolean).join(' ');
  const name = (type === 'contact' ? str(fullName) : str(p.name)) ?? object.id;
  const url = context.url(type, object.id);
  const match: CrmMatch = {
    crm: 'hubspot',
    ref: { crm: 'hubspot', type, id: object.id, name, url },
    name,
    phones,
    items: [],
    url,
    ...scored,
  };
  const optional = {
    company: type === 'contact' ? str(p.company) : undefined,
    title: str(p.jobtitle),
    owner: ownerName(context.owners, p.hubspot_owner_id),
    lastInteraction: str(p.notes_last_contacted),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value) match[key as keyof typeof optional] = value;
  }
  return match;
}

/** An open deal as an item; undefined for a closed one. */
export function toDealItem(
  deal: HsObject,
  stages: readonly HsStage[],
  url: (type: string, id: string) => string,
): CrmItem | undefined {
  const p = deal.properties;
  const stage = stages.find((s) => s.id === p.dealstage);
  const closed = stage?.metadata?.isClosed
    ? stage.metadata.isClosed === 'true'
    : p.hs_is_closed === 'true';
  if (closed) return undefined;
  return {
    kind: 'deal',
    label: str(p.dealname) ?? deal.id,
    status: stage?.label ?? str(p.dealstage) ?? '',
    date: str(p.createdate) ?? '',
    url: url('deal', deal.id),
  };
}

/** Markup-free text for `hs_call_body`, which HubSpot renders as HTML (C28). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '<br>');
}
