// The contract stub refuses what the real APIs refuse, with their error shapes, so adapters
// cannot drift from the documented requests and still pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCrmStub, type ServedStub } from '../../tests/support/crm-stub/serve.ts';
import { HS_TOKEN, SF_SESSION_ID } from '../../tests/support/crm-stub/index.ts';

let served: ServedStub;
beforeAll(async () => {
  served = await serveCrmStub();
});
afterAll(() => served.close());

async function ask(url: string, init: RequestInit = {}): Promise<[number, unknown]> {
  const response = await served.fetch(url, init);
  const text = await response.text();
  return [response.status, text ? (JSON.parse(text) as unknown) : undefined];
}

describe('Salesforce', () => {
  const api = 'https://acme.my.salesforce.com/services/data';
  const auth = { authorization: `Bearer ${SF_SESSION_ID}` };
  const sosl = (q: string): string => `${api}/v62.0/search/?q=${encodeURIComponent(q)}`;

  it('refuses a missing session, an unknown version and a wrong method', async () => {
    expect(await ask(sosl('FIND {"1234"} IN PHONE FIELDS RETURNING Contact(Id)'))).toEqual([
      401,
      [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }],
    ]);
    expect((await ask(`${api}/v20.0/`, { headers: auth }))[0]).toBe(404);
    const [status, body] = await ask(sosl('FIND {"1234"} IN PHONE FIELDS RETURNING Contact(Id)'), {
      method: 'POST',
      headers: auth,
    });
    expect([status, (body as { errorCode: string }[])[0]?.errorCode]).toEqual([
      405,
      'METHOD_NOT_ALLOWED',
    ]);
  });

  it.each([
    ['FIND {"+49 30"} IN PHONE FIELDS RETURNING Contact(Id)', 'MALFORMED_SEARCH'],
    ['FIND {"\\+49"} IN PHONE FIELDS RETURNING Contact(Id, Shoe)', 'INVALID_FIELD'],
    ['FIND {"\\+49"} IN PHONE FIELDS RETURNING Widget(Id)', 'INVALID_TYPE'],
    ['FIND {+49} RETURNING Contact(Id)', 'MALFORMED_SEARCH'],
  ])('refuses SOSL %s', async (q, errorCode) => {
    const [status, body] = await ask(sosl(q), { headers: auth });
    expect([status, (body as { errorCode: string }[])[0]?.errorCode]).toEqual([400, errorCode]);
  });

  it('refuses a Task with a value outside a restricted picklist', async () => {
    const [status, body] = await ask(`${api}/v62.0/sobjects/Task/`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ Subject: 'x', CallType: 'Sideways' }),
    });
    expect([status, (body as { errorCode: string }[])[0]?.errorCode]).toEqual([
      400,
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    ]);
  });
});

describe('HubSpot', () => {
  const search = (body: unknown, token = HS_TOKEN): Promise<[number, unknown]> =>
    ask('https://api.hubapi.com/crm/v3/objects/contacts/search', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const group = { filters: [{ propertyName: 'phone', operator: 'EQ', value: '1' }] };

  it('refuses a wrong token with INVALID_AUTHENTICATION', async () => {
    const [status, body] = await search({}, 'nope');
    expect([status, (body as { category: string }).category]).toEqual([
      401,
      'INVALID_AUTHENTICATION',
    ]);
  });

  it.each([
    ['six filter groups', { filterGroups: Array(6).fill(group) }],
    [
      'an unknown property',
      { filterGroups: [{ filters: [{ propertyName: 'fone', operator: 'EQ', value: '1' }] }] },
    ],
    [
      'an unknown operator',
      { filterGroups: [{ filters: [{ propertyName: 'phone', operator: 'LIKE', value: '1' }] }] },
    ],
    ['a limit over 200', { limit: 500 }],
  ])('refuses %s with VALIDATION_ERROR', async (_name, body) => {
    const [status, answer] = await search(body);
    expect([status, (answer as { category: string }).category]).toEqual([400, 'VALIDATION_ERROR']);
  });

  it('answers the documented search shape', async () => {
    const [status, body] = await search({ filterGroups: [group], properties: ['firstname'] });
    expect(status).toBe(200);
    expect(body).toEqual({ total: 0, results: [] });
  });
});

describe('Zendesk', () => {
  const origin = 'https://acme.zendesk.com/api/v2';

  it('refuses writes without the CSRF token', async () => {
    const [status] = await ask(`${origin}/tickets.json`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticket: { comment: { body: 'x' } } }),
    });
    expect(status).toBe(403);
  });

  it('finds nobody for a phone query with a plus (digits only, per the docs)', async () => {
    const query = encodeURIComponent('type:user phone:+493012345670');
    const [status, body] = await ask(`${origin}/search.json?query=${query}`, {
      credentials: 'same-origin',
    });
    expect([status, (body as { count: number }).count]).toEqual([200, 0]);
  });

  it('answers 401 without the session and RecordNotFound for an unknown user', async () => {
    expect((await ask(`${origin}/users/me.json`, { credentials: 'omit' }))[0]).toBe(401);
    expect(
      await ask(`${origin}/users/1/tickets/requested.json`, { credentials: 'same-origin' }),
    ).toEqual([404, { error: 'RecordNotFound', description: 'Not found' }]);
  });
});
