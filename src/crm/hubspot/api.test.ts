// The HubSpot adapter against the CRM API contract stub, over real HTTPS on api.hubapi.com.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveCrmStub, type ServedStub } from '../../../tests/support/crm-stub/serve.ts';
import { AGENT_NUMBER, HS_TOKEN, NUMBERS } from '../../../tests/support/crm-stub/index.ts';
import type { CallLogEntry, CrmApi } from '../api-adapter.ts';
import { CrmError } from '../crm-error.ts';
import { createHubspotApi } from './api.ts';

let served: ServedStub;
let token: string | undefined;
let api: CrmApi;
const DE = { defaultCountry: 'DE', ownNumbers: [AGENT_NUMBER] };
const RECORD = 'https://app-eu1.hubspot.com/contacts/4711/record';

beforeAll(async () => {
  served = await serveCrmStub();
});
afterAll(() => served.close());
beforeEach(() => {
  served.stub.reset();
  token = HS_TOKEN;
  api = createHubspotApi({
    origin: 'https://app.hubspot.com',
    fetch: served.fetch,
    getToken: () => Promise.resolve(token),
  });
});

const kindOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof CrmError ? [error.kind, error.retryAfterMs] : error),
  );

describe('lookup', () => {
  it("reads the account's details, owners and stages once per token", async () => {
    const reads = () =>
      ['/account-info/', '/owners', '/pipelines/'].map(
        (path) => served.stub.control.requestsTo('hubspot', 'GET', path).length,
      );
    await api.lookup(NUMBERS.dana, DE);
    await api.lookup(NUMBERS.switchboard, DE);
    expect(reads()).toEqual([1, 1, 1]);

    // Another token starts over: the refused one asks account and owners beside its search
    // (stages only follow a search that found someone), the restored one asks all three.
    token = 'pat-eu1-revoked';
    expect(await kindOf(api.lookup(NUMBERS.dana, DE))).toEqual(['signin', undefined]);
    token = HS_TOKEN;
    await api.lookup(NUMBERS.dana, DE);
    expect(reads()).toEqual([3, 3, 2]);
  });

  it('finds every contact and the company sharing a switchboard number (C25)', async () => {
    const matches = await api.lookup(NUMBERS.switchboard, DE);
    expect(matches.map((m) => m.name)).toEqual([
      'Anna Albrecht',
      'Bernd Becker',
      'Clara Schmidt',
      'Muster GmbH',
    ]);
    expect(matches.every((m) => m.exact)).toBe(true);
    expect(matches[3]?.ref.type).toBe('company');
  });

  it('fills company, title, owner, last contact, open deals newest first, links', async () => {
    const [dana] = await api.lookup(NUMBERS.dana, DE);
    expect(dana).toMatchObject({
      name: 'Dana Fischer',
      company: 'Isar Logistik AG',
      title: 'Head of Operations',
      owner: 'Max Mustermann',
      lastInteraction: '2025-06-20T12:00:00.000Z',
      url: `${RECORD}/0-1/105`,
      related: { type: 'company', id: '202', name: 'Isar Logistik AG' },
    });
    expect(dana?.items).toEqual([
      {
        kind: 'deal',
        label: 'Zugang zum Portal',
        status: 'Contract sent',
        date: '2025-06-19T16:45:00Z',
        url: `${RECORD}/0-3/304`,
      },
      {
        kind: 'deal',
        label: 'Rahmenvertrag verlängern',
        status: 'Appointment scheduled',
        date: '2025-06-18T08:00:00Z',
        url: `${RECORD}/0-3/303`,
      },
    ]);
  });

  it('shows only open deals', async () => {
    const anna = (await api.lookup(NUMBERS.switchboard, DE)).find(
      (m) => m.name === 'Anna Albrecht',
    );
    expect(anna?.items.map((i) => i.label)).toEqual(['Lieferung unvollständig']);
  });

  it('asks by the national number and by every stored form, in the documented limits', async () => {
    await api.lookup(NUMBERS.dana, DE);
    const [search] = served.stub.control.requestsTo('hubspot', 'POST', '/contacts/search');
    expect(search?.headers.authorization).toBe(`Bearer ${HS_TOKEN}`);
    const eq = (propertyName: string) => ({
      filters: [{ propertyName, operator: 'EQ', value: '8920001234' }],
    });
    const phoneIn = { propertyName: 'phone', operator: 'IN', values: expect.any(Array) as unknown };
    expect(search?.body).toMatchObject({
      filterGroups: [
        eq('hs_searchable_calculated_phone_number'),
        eq('hs_searchable_calculated_mobile_number'),
        { filters: [phoneIn] },
        { filters: [{ propertyName: 'mobilephone', operator: 'IN' }] },
      ],
    });
    const values = (search?.body as { filterGroups: { filters: { values?: string[] }[] }[] })
      .filterGroups[2]?.filters[0]?.values;
    expect(values).toEqual(expect.arrayContaining(['+498920001234', '089 20001234']));
    expect(values?.length).toBeLessThanOrEqual(100);
  });

  it('keeps markup as text (C28) and finds nobody for an unknown number', async () => {
    const [match] = await api.lookup(NUMBERS.markup, DE);
    expect(match?.name).toBe('Acme <b>Bold</b> "Quote" & Co');
    expect(await api.lookup(NUMBERS.unknown, DE)).toEqual([]);
  });

  it("never offers the agent's own number as the caller (C25)", async () => {
    const matches = await api.lookup('+493098765430', DE);
    expect(matches.map((m) => m.name)).not.toContain('Our Office');
  });
});

describe('failures', () => {
  it('needs sign-in without a token or with a revoked one', async () => {
    token = undefined;
    expect(await kindOf(api.lookup(NUMBERS.dana, DE))).toEqual(['signin', undefined]);
    token = 'pat-revoked';
    expect(await kindOf(api.lookup(NUMBERS.dana, DE))).toEqual(['signin', undefined]);
  });

  it.each([
    [{ status: 403 as const }, ['forbidden', undefined]],
    [{ status: 429 as const, retryAfterSec: 2 }, ['ratelimited', 2000]],
    [{ status: 500 as const }, ['unavailable', undefined]],
  ])('maps %j', async (fault, expected) => {
    served.stub.control.fault('hubspot', fault);
    expect(await kindOf(api.lookup(NUMBERS.dana, DE))).toEqual(expected);
  });
});

describe('logCall', () => {
  const entry = (over: Partial<CallLogEntry> = {}): CallLogEntry => ({
    callId: 'call-7',
    crm: 'hubspot',
    origin: 'https://app-eu1.hubspot.com',
    direction: 'inbound',
    number: NUMBERS.switchboard,
    ownNumber: AGENT_NUMBER,
    startedAt: Date.parse('2025-07-01T10:00:00Z'),
    answeredAt: Date.parse('2025-07-01T10:00:03Z'),
    endedAt: Date.parse('2025-07-01T10:00:43Z'),
    outcome: 'answered',
    target: { crm: 'hubspot', type: 'contact', id: '102' },
    related: { crm: 'hubspot', type: 'company', id: '201' },
    subject: 'Anruf von Bernd Becker',
    notes: 'Angebot <script>alert(1)</script> & Co',
    ...over,
  });

  it('writes one call on the picked contact and its company, not on the others (C25)', async () => {
    const result = await api.logCall(entry());
    const calls = served.stub.hubspot.objects.calls;
    expect(calls).toHaveLength(1);
    expect(calls[0]?.id).toBe(result.remoteId);
    expect(calls[0]?.properties).toMatchObject({
      hs_call_direction: 'INBOUND',
      hs_call_duration: '40000',
      hs_call_status: 'COMPLETED',
      hs_call_from_number: NUMBERS.switchboard,
      hs_call_to_number: AGENT_NUMBER,
      hs_call_external_id: 'call-7',
    });
    expect(served.stub.hubspot.associations['calls→contacts']).toEqual([
      { from: result.remoteId, to: '102', typeId: 194 },
    ]);
    expect(served.stub.hubspot.associations['calls→companies']).toEqual([
      { from: result.remoteId, to: '201', typeId: 182 },
    ]);
  });

  it('escapes markup in the body HubSpot renders as HTML (C28)', async () => {
    await api.logCall(entry());
    const body = served.stub.hubspot.objects.calls[0]?.properties.hs_call_body ?? '';
    expect(body).not.toContain('<script>');
    expect(body).toContain('&#60;script&#62;');
  });

  it('writes once when the answer to the first write was lost', async () => {
    served.stub.control.fault('hubspot', {
      dropAfterWrite: true,
      times: 1,
      path: '/crm/v3/objects/calls',
    });
    expect(await kindOf(api.logCall(entry()))).toEqual(['unavailable', undefined]);
    expect((await api.logCall(entry())).created).toBe(false);
    expect(served.stub.hubspot.objects.calls).toHaveLength(1);
  });
});

it('builds record and create links from the account details', async () => {
  expect(await api.recordUrl({ crm: 'hubspot', type: 'contact', id: '101' })).toBe(
    `${RECORD}/0-1/101`,
  );
  expect(await api.createContactUrl(NUMBERS.unknown)).toBe(
    'https://app-eu1.hubspot.com/contacts/4711/objects/0-1/views/all/list',
  );
  await expect(api.checkSession()).resolves.toBeUndefined();
});
