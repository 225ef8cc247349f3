/**
 * Contract stub for HubSpot's API on `api.hubapi.com`: CRM v3 search, v3 batch read, v4
 * batch associations, owners, deal pipelines, account details and the calls engagement
 * create, with HubSpot's JSON shapes and error body `{status, message, correlationId,
 * category}`. Auth: `Authorization: Bearer <private app token>`.
 * developers.hubspot.com/docs/api/crm/search, /docs/api/crm/calls, /docs/api/error-handling
 */
import type { StubControl } from './control.ts';
import {
  CALL_ASSOCIATION_TYPES,
  DEAL_STAGES,
  HS_PORTAL_ID,
  HS_PROPERTIES,
  HS_UI_DOMAIN,
  buildHubspotData,
  hsObject,
  type HsData,
} from './hubspot-data.ts';
import { HsValidationError, pick, runSearch } from './hubspot-search.ts';
import {
  bearer,
  text,
  createStubHandler,
  isRecord,
  json,
  type RouteContext,
  type StubAnswer,
} from './stub-http.ts';
import type { Handler } from '../https-server.ts';

export const HS_TOKEN = 'pat-eu1-00000000-stub-token-for-tests';
const TYPES = ['contacts', 'companies', 'deals', 'calls'] as const;
type HsType = (typeof TYPES)[number];

export interface HubspotStub {
  handler: Handler;
  data: HsData;
}

const hsError = (status: number, category: string, message: string, extra = {}): StubAnswer =>
  json(status, {
    status: 'error',
    message,
    correlationId: crypto.randomUUID(),
    category,
    ...extra,
  });

export function createHubspotStub(control: StubControl): HubspotStub {
  const data = buildHubspotData();
  const handler = createStubHandler(control, {
    crm: 'hubspot',
    owns: (url) => url.hostname === 'api.hubapi.com',
    error: (status, fault) => {
      if (status === 401) {
        return hsError(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.');
      }
      if (status === 403) {
        return hsError(403, 'MISSING_SCOPES', "This app hasn't been granted all required scopes.");
      }
      if (status === 429) {
        const answer = hsError(429, 'RATE_LIMITS', 'You have reached your secondly limit.', {
          errorType: 'RATE_LIMIT',
          policyName: 'SECONDLY',
        });
        answer.headers = { 'retry-after': String(fault?.retryAfterSec ?? 1) };
        return answer;
      }
      return hsError(status, 'INTERNAL_ERROR', 'internal error');
    },
    authenticate: (ctx) =>
      bearer(ctx.headers) === HS_TOKEN
        ? undefined
        : hsError(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.'),
    route: (ctx) => {
      try {
        return route(data, ctx);
      } catch (error) {
        if (error instanceof HsValidationError) {
          return hsError(400, 'VALIDATION_ERROR', error.message);
        }
        throw error;
      }
    },
  });
  return { handler, data };
}

function route(data: HsData, ctx: RouteContext): StubAnswer {
  const { method, path } = ctx;
  const parts = path.replace(/\/$/, '').split('/').slice(1);
  const [area, version, kind, type, op, extra] = parts;
  const isType = (value: string | undefined): value is HsType => TYPES.includes(value as HsType);

  if (method === 'GET' && path === '/account-info/v3/details') {
    return json(200, {
      portalId: HS_PORTAL_ID,
      accountType: 'STANDARD',
      timeZone: 'Europe/Berlin',
      companyCurrency: 'EUR',
      additionalCurrencies: [],
      utcOffset: '+01:00',
      utcOffsetMilliseconds: 3_600_000,
      uiDomain: HS_UI_DOMAIN,
      dataHostingLocation: 'eu1',
    });
  }
  if (method === 'GET' && path.replace(/\/$/, '') === '/crm/v3/owners') {
    return json(200, {
      results: data.owners.map((o) => ({ ...o, userId: Number(o.id), archived: false })),
    });
  }
  if (method === 'GET' && path === '/crm/v3/pipelines/deals') {
    return json(200, { results: [pipeline()] });
  }
  if (area !== 'crm') return notFound();

  if (version === 'v3' && kind === 'objects' && isType(type)) {
    if (method === 'POST' && op === 'search' && !extra) {
      return json(200, runSearch(type, data.objects[type], ctx.body));
    }
    if (method === 'POST' && op === 'batch' && extra === 'read')
      return batchRead(data, type, ctx.body);
    if (method === 'POST' && type === 'calls' && op === undefined)
      return createCall(data, ctx.body);
  }
  if (version === 'v4' && kind === 'associations' && method === 'POST' && extra === 'batch') {
    return batchAssociations(data, `${type ?? ''}→${op ?? ''}`, ctx.body, parts[6]);
  }
  return notFound();
}

function notFound(): StubAnswer {
  return hsError(404, 'OBJECT_NOT_FOUND', 'resource not found');
}

function inputIds(body: unknown): string[] {
  const inputs: unknown = isRecord(body) ? body.inputs : undefined;
  if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > 100) {
    throw new HsValidationError('inputs: 1 to 100 objects with an id');
  }
  return inputs.map((input) => {
    if (!isRecord(input) || input.id === undefined) throw new HsValidationError('input without id');
    return text(input.id);
  });
}

function batchRead(data: HsData, type: HsType, body: unknown): StubAnswer {
  const ids = inputIds(body);
  const properties: unknown = isRecord(body) ? body.properties : undefined;
  const wanted = Array.isArray(properties) ? properties.map(String) : [];
  const results = data.objects[type].filter((o) => ids.includes(o.id)).map((o) => pick(o, wanted));
  const now = new Date().toISOString();
  return json(200, { status: 'COMPLETE', results, startedAt: now, completedAt: now });
}

/** POST /crm/v4/associations/{from}/{to}/batch/read: 207 when some inputs have none. */
function batchAssociations(data: HsData, pair: string, body: unknown, op?: string): StubAnswer {
  if (op !== 'read') return notFound();
  const ids = inputIds(body);
  const links = data.associations[pair] ?? [];
  const results = ids
    .map((id) => ({
      from: { id },
      to: links
        .filter((l) => l.from === id)
        .map((l) => ({
          toObjectId: Number(l.to),
          associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: l.typeId, label: null }],
        })),
    }))
    .filter((r) => r.to.length > 0);
  const missing = ids.filter((id) => !results.some((r) => r.from.id === id));
  const now = new Date().toISOString();
  const errors = missing.map((id) => ({
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    message: `No associations found for ${id}`,
    context: { fromObjectId: [id] },
  }));
  const base = { status: 'COMPLETE', results, startedAt: now, completedAt: now };
  return missing.length
    ? json(207, { ...base, numErrors: errors.length, errors })
    : json(200, base);
}

const DIRECTIONS = ['INBOUND', 'OUTBOUND'];
const STATUSES = [
  'BUSY',
  'CALLING_CRM_USER',
  'CANCELED',
  'COMPLETED',
  'CONNECTING',
  'FAILED',
  'IN_PROGRESS',
  'NO_ANSWER',
  'QUEUED',
  'RINGING',
];

function createCall(data: HsData, body: unknown): StubAnswer {
  if (!isRecord(body) || !isRecord(body.properties))
    throw new HsValidationError('properties missing');
  const properties = body.properties;
  for (const key of Object.keys(properties)) {
    if (!HS_PROPERTIES.calls?.includes(key)) {
      throw new HsValidationError(`Property values were not valid: PROPERTY_DOESNT_EXIST ${key}`);
    }
  }
  if (!properties.hs_timestamp) throw new HsValidationError('hs_timestamp is required');
  const check = (key: string, allowed: string[]): void => {
    const value = properties[key];
    if (value !== undefined && !allowed.includes(text(value))) {
      throw new HsValidationError(`${text(value)} was not one of the allowed options for ${key}`);
    }
  };
  check('hs_call_direction', DIRECTIONS);
  check('hs_call_status', STATUSES);

  const id = String(9001 + data.objects.calls.length);
  for (const association of Array.isArray(body.associations) ? body.associations : []) {
    const link = parseAssociation(data, association);
    (data.associations[`calls→${link.type}`] ??= []).push({
      from: id,
      to: link.to,
      typeId: link.typeId,
    });
  }
  const stored = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, text(v)]));
  const call = hsObject(id, stored);
  data.objects.calls.push(call);
  return json(201, call);
}

function parseAssociation(
  data: HsData,
  value: unknown,
): { type: HsType; to: string; typeId: number } {
  const to: unknown = isRecord(value) && isRecord(value.to) ? value.to.id : undefined;
  const types: unknown = isRecord(value) ? value.types : undefined;
  const first: unknown = Array.isArray(types) ? types[0] : undefined;
  const typeId = isRecord(first) ? Number(first.associationTypeId) : NaN;
  const target = CALL_ASSOCIATION_TYPES[typeId];
  if (!isRecord(first) || first.associationCategory !== 'HUBSPOT_DEFINED' || !target) {
    throw new HsValidationError(`invalid association type ${String(typeId)}`);
  }
  if (!data.objects[target].some((o) => o.id === String(to))) {
    throw new HsValidationError(`${target} ${String(to)} does not exist`);
  }
  return { type: target, to: String(to), typeId };
}

function pipeline(): Record<string, unknown> {
  return {
    id: 'default',
    label: 'Sales Pipeline',
    displayOrder: 0,
    archived: false,
    stages: DEAL_STAGES.map((s, i) => ({
      id: s.id,
      label: s.label,
      displayOrder: i,
      archived: false,
      metadata: { isClosed: String(s.closed), probability: s.closed ? '1.0' : '0.5' },
    })),
  };
}
