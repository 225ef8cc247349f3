/**
 * HubSpot through its documented CRM API on `api.hubapi.com`, from the service worker, with
 * `Authorization: Bearer <private app token>` from the settings or admin policy.
 * - lookup: v3 search of contacts (HubSpot's calculated national number, and `phone`,
 *   `mobilephone` with the IN operator over every stored form of the number) and companies
 *   (`phone`, likewise); v4 batch associations to deals and
 *   companies; v3 batch read of deals, with stage labels from the deal pipelines and owner
 *   names from the owners list.
 * - logCall: the v3 calls engagement with associations (call→contact 194, →company 182).
 *   `hs_call_external_id` holds our call id and is searched before creating, so a retry after
 *   a lost answer finds the first write.
 * No OAuth: HubSpot's token endpoint needs the app's client secret for the code exchange and
 * every refresh, which an extension cannot keep (docs/admin.md, "Why HubSpot has no OAuth").
 * developers.hubspot.com/docs/api/crm/search, /docs/api/crm/calls, /docs/api/crm/associations
 */
import type { CallLogEntry, CrmApi, CrmApiDeps, CrmMatch, LookupOptions } from '../api-adapter.ts';
import { CrmError } from '../crm-error.ts';
import { requestJson, type HttpOptions, type JsonRequest } from '../http.ts';
import { rankMatches } from '../match-score.ts';
import { nationalSignificant, phoneVariants } from '../phone-variants.ts';
import { hubspotCatalog, type HubspotCatalog } from './catalog.ts';
import { OBJECT_TYPE_IDS, escapeHtml, toDealItem, toMatch, type HsObject } from './records.ts';

export interface HubspotDeps extends CrmApiDeps {
  /** The private-app token (settings `hubspotToken`, or admin policy). */
  getToken(): Promise<string | undefined>;
  apiOrigin?: string;
}

export type HubspotCall = <T>(
  path: string,
  request?: JsonRequest,
  signal?: AbortSignal,
) => Promise<T>;

const CONTACT_PROPERTIES = [
  'firstname',
  'lastname',
  'phone',
  'mobilephone',
  'jobtitle',
  'company',
  'hubspot_owner_id',
  'notes_last_contacted',
];
/**
 * HubSpot keeps a calculated, digits-only national form of a contact's numbers
 * (`hs_searchable_calculated_phone_number`, `..._mobile_number`): it finds any formatting.
 * The literal fields catch numbers HubSpot could not calculate (no country known).
 */
const CONTACT_PHONE_FILTERS = [
  'hs_searchable_calculated_phone_number',
  'hs_searchable_calculated_mobile_number',
  'phone',
  'mobilephone',
];
const COMPANY_PROPERTIES = ['name', 'phone', 'hubspot_owner_id', 'notes_last_contacted'];
const DEAL_PROPERTIES = ['dealname', 'dealstage', 'pipeline', 'createdate', 'hs_is_closed'];
const ASSOCIATION_TYPE: Record<string, number> = { contact: 194, company: 182, deal: 206 };

export function createHubspotApi(deps: HubspotDeps): CrmApi {
  const base = deps.apiOrigin ?? 'https://api.hubapi.com';
  const call: HubspotCall = async <T>(
    path: string,
    request: JsonRequest = {},
    signal?: AbortSignal,
  ) => {
    const token = await deps.getToken();
    if (!token) throw new CrmError('signin', 'no HubSpot private app token configured');
    const http: HttpOptions = { fetch: deps.fetch };
    if (deps.timeoutMs !== undefined) http.timeoutMs = deps.timeoutMs;
    if (signal) http.signal = signal;
    const headers = { ...request.headers, authorization: `Bearer ${token}` };
    return (await requestJson<T>(http, `${base}${path}`, { ...request, headers })).body;
  };
  // The account's facts hold for one token: a new token may be another account.
  let current: { token: string | undefined; catalog: HubspotCatalog } | undefined;
  const catalogNow = async (): Promise<HubspotCatalog> => {
    const token = await deps.getToken();
    if (!current || current.token !== token) {
      current = { token, catalog: hubspotCatalog(call, deps.origin) };
    }
    return current.catalog;
  };
  const urlOf = async (type: string, id: string): Promise<string> => {
    const { uiOrigin, portalId } = await (await catalogNow()).account();
    const objectType = OBJECT_TYPE_IDS[type] ?? type;
    return `${uiOrigin}/contacts/${portalId}/record/${objectType}/${encodeURIComponent(id)}`;
  };

  const search = async (
    type: string,
    properties: string[],
    fields: string[],
    e164: string,
    signal?: AbortSignal,
  ): Promise<HsObject[]> => {
    const values = phoneVariants(e164).map((v) => v.toLowerCase());
    const value = nationalSignificant(e164);
    const filterGroups = fields.map((propertyName) =>
      propertyName.startsWith('hs_searchable')
        ? { filters: [{ propertyName, operator: 'EQ', value }] }
        : { filters: [{ propertyName, operator: 'IN', values }] },
    );
    const body = { filterGroups, properties, limit: 25 };
    return (
      await call<{ results: HsObject[] }>(
        `/crm/v3/objects/${type}/search`,
        { method: 'POST', body },
        signal,
      )
    ).results;
  };

  return {
    crm: 'hubspot',
    runsIn: 'worker',
    auth: 'private-app-token',

    async lookup(e164: string, options: LookupOptions): Promise<CrmMatch[]> {
      const catalog = await catalogNow();
      const [contacts, companies, account, owners] = await Promise.all([
        search('contacts', CONTACT_PROPERTIES, CONTACT_PHONE_FILTERS, e164, options.signal),
        search('companies', COMPANY_PROPERTIES, ['phone'], e164, options.signal),
        catalog.account(),
        catalog.owners(),
      ]);
      const url = (type: string, id: string): string =>
        `${account.uiOrigin}/contacts/${account.portalId}/record/` +
        `${OBJECT_TYPE_IDS[type] ?? type}/${id}`;
      const context = { owners, url };
      const people = contacts.map((c) => toMatch(c, 'contact', e164, options, context));
      const orgs = companies.map((c) => toMatch(c, 'company', e164, options, context));
      const matches = [...people, ...orgs].filter((m): m is CrmMatch => m !== undefined);

      await addDealsAndCompanies(call, catalog, matches, url, options.signal);
      return rankMatches(matches);
    },

    recordUrl: (ref) => urlOf(ref.type, ref.id),

    // HubSpot documents no pre-filled create form: the contacts index, whose "Create contact"
    // button is one click away.
    createContactUrl: async () => {
      const { uiOrigin, portalId } = await (await catalogNow()).account();
      return `${uiOrigin}/contacts/${portalId}/objects/0-1/views/all/list`;
    },

    async logCall(entry, options = {}) {
      // FIXME: search is eventually consistent (a few seconds behind a create); a retry sooner
      // than that could write twice. The call-log queue waits at least 30 s before retrying.
      const filters = [
        { propertyName: 'hs_call_external_id', operator: 'EQ', value: entry.callId },
      ];
      const body = { filterGroups: [{ filters }], properties: ['hs_call_external_id'], limit: 1 };
      const found = await call<{ results: HsObject[] }>(
        '/crm/v3/objects/calls/search',
        { method: 'POST', body },
        options.signal,
      );
      if (found.results[0]) return { remoteId: found.results[0].id, created: false };

      const created = await call<HsObject>(
        '/crm/v3/objects/calls',
        { method: 'POST', body: callFor(entry) },
        options.signal,
      );
      return { remoteId: created.id, created: true };
    },

    async checkSession(options = {}) {
      await call('/account-info/v3/details', {}, options.signal);
    },
  };
}

async function addDealsAndCompanies(
  call: HubspotCall,
  catalog: HubspotCatalog,
  matches: CrmMatch[],
  url: (type: string, id: string) => string,
  signal?: AbortSignal,
): Promise<void> {
  const contactIds = matches.filter((m) => m.ref.type === 'contact').map((m) => m.ref.id);
  if (contactIds.length === 0) return;
  // The stage labels (once per adapter) come beside the associations, not after them.
  const [deals, companies, stages] = await Promise.all([
    catalog.associated('contacts', 'deals', contactIds, DEAL_PROPERTIES, signal),
    catalog.associated('contacts', 'companies', contactIds, ['name'], signal),
    catalog.stages(),
  ]);

  for (const match of matches) {
    const items = (deals.get(match.ref.id) ?? []).map((d) => toDealItem(d, stages, url));
    match.items = items.filter((i) => i !== undefined).sort((a, b) => b.date.localeCompare(a.date));
    const company = companies.get(match.ref.id)?.[0];
    if (!company) continue;
    const name = company.properties.name ?? undefined;
    match.related = {
      crm: 'hubspot',
      type: 'company',
      id: company.id,
      url: url('company', company.id),
      ...(name ? { name } : {}),
    };
    match.company ??= name;
  }
}

const STATUS: Record<CallLogEntry['outcome'], string> = {
  answered: 'COMPLETED',
  missed: 'NO_ANSWER',
  'no-answer': 'NO_ANSWER',
  busy: 'BUSY',
  failed: 'FAILED',
};

function callFor(entry: CallLogEntry): Record<string, unknown> {
  const inbound = entry.direction === 'inbound';
  const talked = entry.answeredAt ? Math.max(0, entry.endedAt - entry.answeredAt) : 0;
  const properties: Record<string, string> = {
    hs_timestamp: new Date(entry.startedAt).toISOString(),
    hs_call_title: entry.subject,
    hs_call_body: escapeHtml([entry.number, entry.notes].filter(Boolean).join('\n')),
    hs_call_direction: inbound ? 'INBOUND' : 'OUTBOUND',
    hs_call_duration: String(talked),
    hs_call_status: STATUS[entry.outcome],
    hs_call_external_id: entry.callId,
    [inbound ? 'hs_call_from_number' : 'hs_call_to_number']: entry.number,
  };
  if (entry.ownNumber)
    properties[inbound ? 'hs_call_to_number' : 'hs_call_from_number'] = entry.ownNumber;

  const associations = [entry.target, entry.related]
    .filter((ref) => ref !== undefined && ASSOCIATION_TYPE[ref.type] !== undefined)
    .map((ref) => ({
      to: { id: ref?.id },
      types: [
        {
          associationCategory: 'HUBSPOT_DEFINED',
          associationTypeId: ASSOCIATION_TYPE[ref?.type ?? ''],
        },
      ],
    }));
  return { properties, associations };
}
