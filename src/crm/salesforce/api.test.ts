// The Salesforce adapter against the REST contract stub, over real HTTPS under the org's
// host names.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveCrmStub, type ServedStub } from '../../../tests/support/crm-stub/serve.ts';
import {
  AGENT_NUMBER,
  NUMBERS,
  SF_SESSION_ID,
  SF_UI_ORIGIN,
} from '../../../tests/support/crm-stub/index.ts';
import type { CallLogEntry, CrmApi } from '../api-adapter.ts';
import { CrmError } from '../crm-error.ts';
import { createSalesforceApi, salesforceApiOrigin } from './api.ts';

let served: ServedStub;
let sid: string | undefined;
let api: CrmApi;
const DE = { defaultCountry: 'DE', ownNumbers: [AGENT_NUMBER] };

beforeAll(async () => {
  served = await serveCrmStub();
});
afterAll(() => served.close());
beforeEach(() => {
  served.stub.reset();
  sid = SF_SESSION_ID;
  api = createSalesforceApi({
    origin: SF_UI_ORIGIN,
    fetch: served.fetch,
    getSessionId: (origin) =>
      Promise.resolve(origin === 'https://acme.my.salesforce.com' ? sid : undefined),
  });
});

it('maps Lightning hosts, sandboxes included, to the My Domain API host', () => {
  expect(salesforceApiOrigin('https://acme.lightning.force.com')).toBe(
    'https://acme.my.salesforce.com',
  );
  expect(salesforceApiOrigin('https://acme--uat.sandbox.lightning.force.com')).toBe(
    'https://acme--uat.sandbox.my.salesforce.com',
  );
});

describe('lookup', () => {
  it('finds all three contacts and the account sharing a switchboard number (C25)', async () => {
    const matches = await api.lookup(NUMBERS.switchboard, DE);
    const names = matches.map((m) => m.name);
    expect(names).toEqual(
      expect.arrayContaining(['Anna Albrecht', 'Bernd Becker', 'Clara Schmidt', 'Muster GmbH']),
    );
    expect(names).not.toContain('Our Office');
    expect(matches.every((m) => m.exact)).toBe(true);
    expect(matches.at(-1)?.ref.type).toBe('Account');
    expect(matches[0]?.name).toBe('Anna Albrecht');
  });

  it('fills name, account, title, owner, last activity, link, open cases by date', async () => {
    const [dana] = await api.lookup(NUMBERS.dana, DE);
    expect(dana).toMatchObject({
      name: 'Dana Fischer',
      company: 'Isar Logistik AG',
      title: 'Head of Operations',
      owner: 'Max Mustermann',
      lastInteraction: '2025-06-20',
      ref: { crm: 'salesforce', type: 'Contact' },
      related: { type: 'Account', name: 'Isar Logistik AG' },
    });
    expect(dana?.url).toMatch(
      /^https:\/\/acme\.lightning\.force\.com\/lightning\/r\/Contact\/003\w+\/view$/,
    );
    expect(dana?.items.map((i) => [i.label, i.status])).toEqual([
      ['Zugang zum Portal', 'Escalated'],
      ['Rahmenvertrag verlängern', 'New'],
    ]);
    expect(dana?.items[0]?.date).toBe('2025-06-19T16:45:00.000Z');
  });

  it('leaves closed cases out', async () => {
    const matches = await api.lookup(NUMBERS.switchboard, DE);
    const anna = matches.find((m) => m.name === 'Anna Albrecht');
    expect(anna?.items.map((i) => i.label)).toEqual(['Lieferung unvollständig']);
  });

  it('finds leads, with their company', async () => {
    const [lead] = await api.lookup(NUMBERS.lead, DE);
    expect(lead).toMatchObject({
      name: 'Frank Neumann',
      company: 'Neumann Handel',
      ref: { type: 'Lead' },
    });
  });

  it('keeps markup in fields as literal text (C28)', async () => {
    const [match] = await api.lookup(NUMBERS.markup, DE);
    expect(match?.name).toBe('Acme <b>Bold</b> "Quote" & Co');
    expect(match?.title).toBe('<img src=x onerror=alert(1)>');
    expect(match?.items[0]?.label).toBe('<script>alert(2)</script> Bestellung');
  });

  it('answers an unknown number with no matches, in one round trip', async () => {
    expect(await api.lookup(NUMBERS.unknown, DE)).toEqual([]);
    expect(served.stub.control.requestsTo('salesforce', 'GET', '/query')).toHaveLength(1);
  });

  it('asks the search and the open cases at once when numbers are stored as typed', async () => {
    const [dana] = await api.lookup(NUMBERS.dana, DE);
    expect(dana?.items).toHaveLength(2);
    expect(served.stub.control.requestsTo('salesforce', 'GET', '/search')).toHaveLength(1);
    expect(served.stub.control.requestsTo('salesforce', 'GET', '/query')).toHaveLength(1);
  });

  it('asks again for the cases of a match stored in a form the case query missed', async () => {
    const { Contact: contacts = [], Case: cases = [] } = served.stub.salesforce.records;
    const model = contacts.find((c) => c.Name === 'Dana Fischer');
    const id = '003000000000777AAA';
    contacts.push({ ...model, Id: id, Name: 'Odd Format', Phone: '089/2000-7777' });
    cases.push({
      ...cases[0],
      Id: '500000000000777AAA',
      Subject: 'Rückruf erbeten',
      Status: 'New',
      CreatedDate: '2025-07-01T08:00:00.000+0000',
      ContactId: id,
      IsClosed: false,
    });

    const [odd] = await api.lookup('+498920007777', DE);
    expect(odd?.name).toBe('Odd Format');
    expect(odd?.items.map((i) => i.label)).toEqual(['Rückruf erbeten']);
    const queries = served.stub.control.requestsTo('salesforce', 'GET', '/query');
    expect(queries).toHaveLength(2);
  });

  it('sends the session as a bearer token to the API host', async () => {
    await api.lookup(NUMBERS.dana, DE);
    const [search] = served.stub.control.requestsTo('salesforce', 'GET', '/search');
    expect(search?.host).toBe('acme.my.salesforce.com');
    expect(search?.headers.authorization).toBe(`Bearer ${SF_SESSION_ID}`);
    expect(search?.path).toBe('/services/data/v62.0/search/');
  });
});

it('reads the session cookie once per lookup, and again after a refusal', async () => {
  let reads = 0;
  const counted = createSalesforceApi({
    origin: SF_UI_ORIGIN,
    fetch: served.fetch,
    getSessionId: () => (reads++, Promise.resolve(sid)),
  });
  await counted.lookup(NUMBERS.dana, DE);
  expect(reads).toBe(1);
  served.stub.control.fault('salesforce', { status: 401, times: 1 });
  await expect(counted.lookup(NUMBERS.dana, DE)).rejects.toMatchObject({ kind: 'signin' });
  await counted.lookup(NUMBERS.dana, DE);
  expect(reads).toBe(2);
});

describe('failures', () => {
  const kindOf = async (promise: Promise<unknown>): Promise<unknown> =>
    promise.then(
      () => 'resolved',
      (error: unknown) => (error instanceof CrmError ? [error.kind, error.retryAfterMs] : error),
    );

  it('needs sign-in without a session cookie, and with an expired one', async () => {
    sid = undefined;
    expect(await kindOf(api.lookup(NUMBERS.dana, DE))).toEqual(['signin', undefined]);
    sid = 'expired';
    expect(await kindOf(api.lookup(NUMBERS.dana, DE))).toEqual(['signin', undefined]);
    // The search and the case query went out together; both were refused.
    expect(served.stub.control.requestsTo('salesforce')).toHaveLength(2);
  });

  it.each([
    [{ status: 403 as const }, ['forbidden', undefined]],
    [{ status: 403 as const, limitExceeded: true }, ['ratelimited', undefined]],
    [{ status: 429 as const, retryAfterSec: 3 }, ['ratelimited', 3000]],
    [{ status: 500 as const }, ['unavailable', undefined]],
  ])('maps %j', async (fault, expected) => {
    served.stub.control.fault('salesforce', fault);
    expect(await kindOf(api.lookup(NUMBERS.dana, DE))).toEqual(expected);
  });

  it('gives up after its timeout when the CRM is slow', async () => {
    served.stub.control.fault('salesforce', { delayMs: 2000 });
    const slow = createSalesforceApi({
      origin: SF_UI_ORIGIN,
      fetch: served.fetch,
      timeoutMs: 300,
      getSessionId: () => Promise.resolve(SF_SESSION_ID),
    });
    expect(await kindOf(slow.lookup(NUMBERS.dana, DE))).toEqual(['unavailable', undefined]);
  });
});

describe('logCall', () => {
  const entry = (over: Partial<CallLogEntry> = {}): CallLogEntry => ({
    callId: 'call-1',
    crm: 'salesforce',
    origin: SF_UI_ORIGIN,
    direction: 'outbound',
    number: NUMBERS.switchboard,
    startedAt: Date.parse('2025-07-01T10:00:00Z'),
    answeredAt: Date.parse('2025-07-01T10:00:05Z'),
    endedAt: Date.parse('2025-07-01T10:00:45Z'),
    outcome: 'answered',
    target: { crm: 'salesforce', type: 'Contact', id: '003000000000002AAA', name: 'Bernd Becker' },
    subject: 'Anruf: Bernd Becker',
    notes: 'Rückruf <b>morgen</b>',
    ...over,
  });

  it('writes one call Task on the contact the call was dialled from (C25)', async () => {
    const result = await api.logCall(entry());
    expect(result.created).toBe(true);
    expect(served.stub.salesforce.tasks).toHaveLength(1);
    expect(served.stub.salesforce.tasks[0]).toMatchObject({
      Id: result.remoteId,
      TaskSubtype: 'Call',
      CallType: 'Outbound',
      CallDurationInSeconds: 40,
      CallObject: 'call-1',
      WhoId: '003000000000002AAA',
      Status: 'Completed',
      Description: '+493012345670\nRückruf <b>morgen</b>',
    });
    expect(served.stub.salesforce.tasks[0]).not.toHaveProperty('WhatId');
  });

  it('relates the task to the account when asked, and to a lead without one', async () => {
    const related = { crm: 'salesforce' as const, type: 'Account', id: '001000000000001AAA' };
    await api.logCall(entry({ related }));
    await api.logCall(
      entry({
        callId: 'call-2',
        target: { crm: 'salesforce', type: 'Lead', id: '00Q000000000001AAA' },
        related,
      }),
    );
    expect(served.stub.salesforce.tasks.map((t) => [t.WhoId, t.WhatId])).toEqual([
      ['003000000000002AAA', '001000000000001AAA'],
      ['00Q000000000001AAA', undefined],
    ]);
  });

  it('writes once when the answer to the first write was lost', async () => {
    served.stub.control.fault('salesforce', {
      dropAfterWrite: true,
      times: 1,
      pathIncludes: '/sobjects/Task',
    });
    await expect(api.logCall(entry())).rejects.toMatchObject({ kind: 'unavailable' });
    const retry = await api.logCall(entry());
    expect(retry.created).toBe(false);
    expect(served.stub.salesforce.tasks).toHaveLength(1);
    expect(retry.remoteId).toBe(served.stub.salesforce.tasks[0]?.Id);
  });

  it('escapes a hostile call id in the SOQL lookup', async () => {
    const callId = `x' OR Id != '`;
    await api.logCall(entry({ callId }));
    expect((await api.logCall(entry({ callId }))).created).toBe(false);
    expect(served.stub.salesforce.tasks).toHaveLength(1);
  });
});

it('checks the session, and builds record and create links', async () => {
  await expect(api.checkSession()).resolves.toBeUndefined();
  served.stub.control.fault('salesforce', { status: 401, times: 1 });
  await expect(api.checkSession()).rejects.toMatchObject({ kind: 'signin' });
  expect(await api.createContactUrl('+493012345670')).toBe(
    'https://acme.lightning.force.com/lightning/o/Contact/new' +
      '?defaultFieldValues=Phone=%2B493012345670',
  );
  expect(await api.recordUrl({ crm: 'salesforce', type: 'Case', id: '500x' })).toBe(
    'https://acme.lightning.force.com/lightning/r/Case/500x/view',
  );
});
