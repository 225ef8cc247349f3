// The Zendesk adapter against the Support API contract stub, over real HTTPS on the agent's
// subdomain, with the session cookie the agent page would send.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveCrmStub, type ServedStub } from '../../../tests/support/crm-stub/serve.ts';
import {
  AGENT_NUMBER,
  NUMBERS,
  ZD_CSRF,
  ZD_ORIGIN,
} from '../../../tests/support/crm-stub/index.ts';
import { createStubFetch } from '../../../tests/support/crm-stub/node-fetch.ts';
import type { CallLogEntry, CrmApi } from '../api-adapter.ts';
import { CrmError } from '../crm-error.ts';
import { createZendeskApi } from './api.ts';

let served: ServedStub;
let api: CrmApi;
const DE = { defaultCountry: 'DE', ownNumbers: [AGENT_NUMBER] };

beforeAll(async () => {
  served = await serveCrmStub();
});
afterAll(() => served.close());
beforeEach(() => {
  served.stub.reset();
  api = createZendeskApi({ origin: ZD_ORIGIN, fetch: served.fetch });
});

const kindOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof CrmError ? [error.kind, error.retryAfterMs] : error),
  );

describe('lookup', () => {
  it('finds the three users sharing a number, not the agent or the office (C25)', async () => {
    const matches = await api.lookup(NUMBERS.switchboard, DE);
    expect(matches.map((m) => m.name).sort()).toEqual([
      'Anna Albrecht',
      'Bernd Becker',
      'Clara Schmidt',
    ]);
    expect(matches.every((m) => m.exact && m.company === 'Muster GmbH')).toBe(true);
  });

  it('searches with digits only and a leading wildcard, as the docs ask', async () => {
    await api.lookup(NUMBERS.switchboard, DE);
    const [search] = served.stub.control.requestsTo('zendesk', 'GET', '/search');
    expect(search?.query.get('query')).toBe('type:user phone:*3012345670');
    expect(search?.headers.cookie).toContain('_zendesk_session=');
  });

  it('fills organisation, open tickets newest first, last interaction and links', async () => {
    const [dana] = await api.lookup(NUMBERS.dana, DE);
    expect(dana).toMatchObject({
      name: 'Dana Fischer',
      company: 'Isar Logistik AG',
      url: 'https://acme.zendesk.com/agent/users/1005',
      related: { type: 'organization', id: '502' },
      lastInteraction: '2025-06-19T16:45:00Z',
    });
    expect(dana?.items.map((i) => [i.label, i.url])).toEqual([
      ['Zugang zum Portal', 'https://acme.zendesk.com/agent/tickets/4'],
      ['Rahmenvertrag verlängern', 'https://acme.zendesk.com/agent/tickets/3'],
    ]);
  });

  it('leaves solved tickets out and keeps markup as text (C28)', async () => {
    const anna = (await api.lookup(NUMBERS.switchboard, DE)).find(
      (m) => m.name === 'Anna Albrecht',
    );
    expect(anna?.items.map((i) => i.label)).toEqual(['Lieferung unvollständig']);
    const [markup] = await api.lookup(NUMBERS.markup, DE);
    expect(markup?.name).toBe('Acme <b>Bold</b> "Quote" & Co');
    expect(markup?.items[0]?.label).toBe('<script>alert(2)</script> Bestellung');
  });

  it('needs sign-in without the page session', async () => {
    const signedOut = createZendeskApi({
      origin: ZD_ORIGIN,
      fetch: createStubFetch({ port: served.server.port }),
    });
    expect(await kindOf(signedOut.lookup(NUMBERS.dana, DE))).toEqual(['signin', undefined]);
    await expect(signedOut.checkSession()).rejects.toMatchObject({ kind: 'signin' });
  });

  it.each([
    [{ status: 403 as const }, ['forbidden', undefined]],
    [{ status: 429 as const, retryAfterSec: 30 }, ['ratelimited', 30_000]],
    [{ status: 503 as const, retryAfterSec: 5 }, ['unavailable', 5000]],
  ])('maps %j', async (fault, expected) => {
    served.stub.control.fault('zendesk', fault);
    expect(await kindOf(api.lookup(NUMBERS.dana, DE))).toEqual(expected);
  });
});

describe('logCall', () => {
  const entry = (over: Partial<CallLogEntry> = {}): CallLogEntry => ({
    callId: 'call-9',
    crm: 'zendesk',
    origin: ZD_ORIGIN,
    direction: 'inbound',
    number: NUMBERS.dana,
    startedAt: Date.parse('2025-07-01T10:00:00Z'),
    answeredAt: Date.parse('2025-07-01T10:00:03Z'),
    endedAt: Date.parse('2025-07-01T10:01:03Z'),
    outcome: 'answered',
    target: { crm: 'zendesk', type: 'user', id: '1005' },
    subject: 'Anruf von Dana Fischer',
    notes: 'Portal <b>gesperrt</b>',
    ...over,
  });

  it('creates one private call ticket, with the CSRF token and an idempotency key', async () => {
    const result = await api.logCall(entry());
    const ticket = served.stub.zendesk.tickets.find((t) => String(t.id) === result.remoteId);
    expect(ticket).toMatchObject({
      requester_id: 1005,
      external_id: 'cti-call:call-9',
      tags: ['cti_call'],
    });
    expect(served.stub.zendesk.comments[Number(result.remoteId)]?.[0]).toMatchObject({
      public: false,
      body: expect.stringContaining('Portal <b>gesperrt</b>') as unknown,
    });
    const [post] = served.stub.control.requestsTo('zendesk', 'POST', '/tickets');
    expect(post?.headers['x-csrf-token']).toBe(ZD_CSRF);
    expect(post?.headers['idempotency-key']).toBe('cti-call:call-9');
  });

  it('writes once when the answer to the first write was lost', async () => {
    const before = served.stub.zendesk.tickets.length;
    served.stub.control.fault('zendesk', {
      dropAfterWrite: true,
      times: 1,
      path: '/api/v2/tickets.json',
    });
    expect(await kindOf(api.logCall(entry()))).toEqual(['unavailable', undefined]);
    expect((await api.logCall(entry())).created).toBe(false);
    expect(served.stub.zendesk.tickets).toHaveLength(before + 1);
  });

  it('adds one private comment when the call belongs to a ticket', async () => {
    const onTicket = entry({ target: { crm: 'zendesk', type: 'ticket', id: '4' } });
    expect((await api.logCall(onTicket)).created).toBe(true);
    expect((await api.logCall(onTicket)).created).toBe(false);
    expect(served.stub.zendesk.comments[4]).toHaveLength(1);
    expect(served.stub.zendesk.comments[4]?.[0]?.public).toBe(false);
  });

  it('finds its own comment on a long ticket, past the first page of 100', async () => {
    const onTicket = entry({ target: { crm: 'zendesk', type: 'ticket', id: '4' } });
    served.stub.zendesk.comments[4] = Array.from({ length: 120 }, (_, i) => ({
      id: 70_000 + i,
      body: `earlier comment ${i}`,
      public: true,
    }));
    expect((await api.logCall(onTicket)).created).toBe(true);
    expect((await api.logCall(onTicket)).created).toBe(false);
    expect(served.stub.zendesk.comments[4]).toHaveLength(121);
  });
});

it('links records and the customer list for new users', async () => {
  expect(await api.recordUrl({ crm: 'zendesk', type: 'ticket', id: '3' })).toBe(
    `${ZD_ORIGIN}/agent/tickets/3`,
  );
  expect(await api.createContactUrl(NUMBERS.unknown)).toBe(`${ZD_ORIGIN}/agent/user_filters`);
  await expect(api.checkSession()).resolves.toBeUndefined();
});
