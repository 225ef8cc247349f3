/**
 * Contract stub for the Salesforce REST API on `<org>.my.salesforce.com`: resources list,
 * SOSL search, SOQL query and Task create, with the documented JSON shapes and error bodies
 * (`[{message, errorCode}]`). Auth: `Authorization: Bearer <sid>` with the org's session id.
 * developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
import type { StubControl } from './control.ts';
import { buildSalesforceData, sfId, type SfData, type SfRecord } from './salesforce-data.ts';
import { SfQueryError, runSoql, runSosl } from './salesforce-query.ts';
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

export const SF_ORG = 'acme';
export const SF_API_HOST = `${SF_ORG}.my.salesforce.com`;
export const SF_UI_ORIGIN = `https://${SF_ORG}.lightning.force.com`;
export const SF_SESSION_ID = '00D000000000001!AQ4AQStubSessionForTestsOnly';

const PATH = /^\/services\/data\/(v(\d+)\.0)(\/.*)?$/;

export interface SalesforceStub {
  handler: Handler;
  data: SfData;
}

export function createSalesforceStub(control: StubControl): SalesforceStub {
  const data = buildSalesforceData('v62.0');
  const sfError = (status: number, errorCode: string, message: string): StubAnswer =>
    json(status, [{ message, errorCode }]);

  const handler = createStubHandler(control, {
    crm: 'salesforce',
    owns: (url) => url.hostname === SF_API_HOST,
    error: (status, fault) => {
      if (status === 401) return sfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
      if (status === 403 && fault?.limitExceeded) {
        return sfError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
      }
      if (status === 403) {
        return sfError(
          403,
          'API_DISABLED_FOR_ORG',
          'The REST API is not enabled for this Organization.',
        );
      }
      const headers: Record<string, string> = fault?.retryAfterSec
        ? { 'retry-after': String(fault.retryAfterSec) }
        : {};
      if (status === 429) {
        return json(
          429,
          [{ message: 'Too many requests', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
          headers,
        );
      }
      return json(
        status,
        [{ message: 'An unexpected error occurred.', errorCode: 'UNKNOWN_EXCEPTION' }],
        headers,
      );
    },
    authenticate: (ctx) =>
      bearer(ctx.headers) === SF_SESSION_ID
        ? undefined
        : sfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid'),
    route: (ctx) => route(data, ctx, sfError),
  });
  return { handler, data };
}

function route(
  data: SfData,
  ctx: RouteContext,
  sfError: (status: number, code: string, message: string) => StubAnswer,
): StubAnswer {
  const match = PATH.exec(ctx.path);
  const major = Number(match?.[2] ?? 0);
  if (!match || major < 31 || major > 68) {
    return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
  }
  const version = match[1] ?? '';
  const resource = match[3] ?? '/';
  const only = (method: string): StubAnswer | undefined =>
    ctx.method === method
      ? undefined
      : sfError(
          405,
          'METHOD_NOT_ALLOWED',
          `HTTP Method '${ctx.method}' not allowed. Allowed are ${method}`,
        );

  try {
    if (resource === '/') {
      return only('GET') ?? json(200, resources(version));
    }
    if (resource === '/search/' || resource === '/search') {
      const records = runSosl(data, ctx.url.searchParams.get('q') ?? '');
      return only('GET') ?? json(200, { searchRecords: records });
    }
    if (resource === '/query/' || resource === '/query') {
      const records = runSoql(data, ctx.url.searchParams.get('q') ?? '');
      return only('GET') ?? json(200, { totalSize: records.length, done: true, records });
    }
    if (resource === '/sobjects/Task/' || resource === '/sobjects/Task') {
      return only('POST') ?? createTask(data, ctx.body, version, sfError);
    }
  } catch (error) {
    if (error instanceof SfQueryError) return sfError(400, error.errorCode, error.message);
    throw error;
  }
  return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
}

const TASK_FIELDS = [
  'Subject',
  'TaskSubtype',
  'CallType',
  'CallDurationInSeconds',
  'CallObject',
  'CallDisposition',
  'Status',
  'ActivityDate',
  'Description',
  'WhoId',
  'WhatId',
  'Priority',
];

function createTask(
  data: SfData,
  body: unknown,
  version: string,
  sfError: (status: number, code: string, message: string) => StubAnswer,
): StubAnswer {
  if (!isRecord(body)) return sfError(400, 'JSON_PARSER_ERROR', 'Unexpected request body');
  const unknown = Object.keys(body).find((key) => !TASK_FIELDS.includes(key));
  if (unknown)
    return sfError(400, 'INVALID_FIELD', `No such column '${unknown}' on sobject of type Task`);
  for (const [field, allowed] of [
    ['TaskSubtype', ['Task', 'Email', 'Call']],
    ['CallType', ['Internal', 'Inbound', 'Outbound']],
  ] as const) {
    const value = body[field];
    if (value !== undefined && !(allowed as readonly unknown[]).includes(value)) {
      return sfError(
        400,
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        `bad value for restricted picklist field: ${text(value)}`,
      );
    }
  }
  if (body.CallDurationInSeconds !== undefined && !Number.isInteger(body.CallDurationInSeconds)) {
    return sfError(400, 'JSON_PARSER_ERROR', 'Cannot deserialize CallDurationInSeconds');
  }

  const who = lookupId(data, body.WhoId, ['Contact', 'Lead']);
  const what = lookupId(data, body.WhatId, ['Account', 'Case']);
  if (who === null || what === null) {
    return sfError(400, 'FIELD_INTEGRITY_EXCEPTION', 'Related To ID: id value of incorrect type');
  }
  if (who?.attributes && (who.attributes as { type: string }).type === 'Lead' && what) {
    return sfError(400, 'FIELD_INTEGRITY_EXCEPTION', 'Only contacts can be related to this record');
  }

  const id = sfId('00T', data.tasks.length + 1);
  const url = `/services/data/${version}/sobjects/Task/${id}`;
  data.tasks.push({ attributes: { type: 'Task', url }, Id: id, ...body });
  return json(201, { id, success: true, errors: [] });
}

/** undefined: not given; null: given but no such record of those types. */
function lookupId(data: SfData, id: unknown, types: string[]): SfRecord | null | undefined {
  if (id === undefined || id === null) return undefined;
  for (const type of types) {
    const hit = data.records[type]?.find((r) => r.Id === id);
    if (hit) return hit;
  }
  return null;
}

function resources(version: string): Record<string, string> {
  const base = `/services/data/${version}`;
  return { query: `${base}/query`, search: `${base}/search`, sobjects: `${base}/sobjects` };
}
