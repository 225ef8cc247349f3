import { describe, expect, it } from 'vitest';
import type { CrmApi } from '../crm/api-adapter.ts';
import { CrmError } from '../crm/crm-error.ts';
import type { CallerCard, CrmMatch } from '../protocol/caller-card.ts';
import type { CrmName } from '../protocol/phone-state.ts';
import { createCallerLookup, type LookupTarget } from './caller-lookup.ts';
import { createCardStore } from './card-store.ts';
import { memoryArea } from './key-value-area.ts';
import { createLookupCache } from './lookup-cache.ts';

const NUMBER = '+493012345670';

const match = (crm: CrmName, id: string, score = 105): CrmMatch => ({
  crm,
  ref: { crm, type: 'contact', id, name: id },
  name: id,
  phones: [NUMBER],
  items: [],
  url: `https://x.test/${id}`,
  score,
  exact: true,
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A CRM whose lookups answer when the test says so. */
function fakeApi(crm: CrmName) {
  const pending: ReturnType<typeof deferred<CrmMatch[]>>[] = [];
  const api = {
    crm,
    runsIn: 'worker',
    auth: 'private-app-token',
    lookup: () => {
      const d = deferred<CrmMatch[]>();
      pending.push(d);
      return d.promise;
    },
    recordUrl: () => Promise.resolve(''),
    createContactUrl: (e164: string) => Promise.resolve(`https://${crm}.test/new?${e164}`),
    logCall: () => Promise.reject(new Error('not here')),
    checkSession: () => Promise.resolve(),
  } satisfies CrmApi;
  return { api, pending, calls: () => pending.length };
}

function setup(crms: CrmName[] = ['salesforce', 'hubspot']) {
  const apis = Object.fromEntries(crms.map((c) => [c, fakeApi(c)]));
  const area = memoryArea();
  const published: { card: CallerCard; changed?: CrmName }[] = [];
  const deps = {
    targets: (): Promise<LookupTarget[]> =>
      Promise.resolve(
        crms.map((crm) => ({ crm, origin: `https://${crm}.test`, api: apis[crm]?.api as CrmApi })),
      ),
    store: createCardStore(area),
    cache: createLookupCache(),
    publish: (card: CallerCard, changed?: CrmName) =>
      published.push({ card: structuredClone(card), changed }),
    options: () => ({ defaultCountry: 'DE', ownNumbers: ['+49309876543'] }),
    dockTab: () => Promise.resolve(40),
  };
  return { lookup: createCallerLookup(deps), apis, published, area, deps };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const statuses = (card?: CallerCard) =>
  Object.values(card?.crms ?? {}).map((s) => `${s.crm}:${s.status}`);

describe('start', () => {
  it('publishes "looking" before any CRM answers, then each result as it arrives', async () => {
    const { lookup, apis, published } = setup();
    const done = lookup.start({ callId: 'c1', number: NUMBER, direction: 'inbound' });
    await flush();
    expect(statuses(published[0]?.card)).toEqual(['salesforce:looking', 'hubspot:looking']);
    // The card names the tab whose dock unfolds with it.
    expect(published[0]?.card.dockTabId).toBe(40);

    apis.hubspot?.pending[0]?.resolve([match('hubspot', 'h1')]);
    await flush();
    expect(published.at(-1)?.changed).toBe('hubspot');
    expect(statuses(published.at(-1)?.card)).toEqual(['salesforce:looking', 'hubspot:found']);

    apis.salesforce?.pending[0]?.resolve([]);
    const card = await done;
    expect(statuses(card)).toEqual(['salesforce:none', 'hubspot:found']);
    expect(card?.crms.salesforce?.createUrl).toBe(`https://salesforce.test/new?${NUMBER}`);
  });

  it('does not ask a CRM again for the same number within the cache time', async () => {
    const { lookup, apis } = setup(['hubspot']);
    const first = lookup.start({ callId: 'c1', number: NUMBER, direction: 'inbound' });
    await flush();
    apis.hubspot?.pending[0]?.resolve([match('hubspot', 'h1')]);
    await first;
    const second = await lookup.start({ callId: 'c2', number: NUMBER, direction: 'inbound' });
    expect(apis.hubspot?.calls()).toBe(1);
    expect(second?.crms.hubspot?.matches[0]?.name).toBe('h1');
  });

  it.each([
    [new CrmError('signin', 'x'), 'error', 'signin'],
    [new CrmError('forbidden', 'x'), 'error', 'forbidden'],
    [new CrmError('ratelimited', 'x', 2000), 'error', 'ratelimited'],
    [new CrmError('unavailable', 'x'), 'error', 'unavailable'],
    [new CrmError('notfound', 'x'), 'none', undefined],
    [new Error('bug'), 'error', 'unavailable'],
  ])('turns %s into a %s card (%s)', async (error, status, errorKind) => {
    const { lookup, apis } = setup(['zendesk']);
    const done = lookup.start({ callId: 'c1', number: NUMBER, direction: 'inbound' });
    await flush();
    apis.zendesk?.pending[0]?.reject(error);
    const state = (await done)?.crms.zendesk;
    expect([state?.status, state?.errorKind]).toEqual([status, errorKind]);
  });

  it("never looks up the agent's own number or a non-number (C25)", async () => {
    const { lookup, apis } = setup(['hubspot']);
    expect(
      (await lookup.start({ callId: 'c1', number: '+49309876543', direction: 'inbound' }))?.skipped,
    ).toBe('own-number');
    expect(
      (await lookup.start({ callId: 'c2', number: '1001', direction: 'outbound' }))?.skipped,
    ).toBe('not-a-number');
    expect(apis.hubspot?.calls()).toBe(0);
  });

  it('keeps the display name as given, for the view to render as text', async () => {
    const { lookup } = setup([]);
    const name = '<img src=x onerror=alert(document.domain)>';
    expect(
      (await lookup.start({ callId: 'c1', number: NUMBER, direction: 'inbound', remoteName: name }))
        ?.remoteName,
    ).toBe(name);
  });
});

describe('a call the agent dials', () => {
  it('looks the number up and picks the record it was dialled from', async () => {
    const { lookup, apis } = setup(['salesforce', 'hubspot']);
    const record = { crm: 'salesforce' as const, type: 'contact', id: 'b', name: 'b' };
    const done = lookup.start({ callId: 'c1', number: NUMBER, direction: 'outbound', record });
    await flush();
    apis.salesforce?.pending[0]?.resolve([match('salesforce', 'a'), match('salesforce', 'b')]);
    apis.hubspot?.pending[0]?.resolve([match('hubspot', 'b')]);
    const card = await done;

    expect(statuses(card)).toEqual(['salesforce:found', 'hubspot:found']);
    expect(card?.dialledFrom).toEqual(record);
    expect(card?.picked).toEqual(record);
  });

  it('picks nothing when the record dialled from is not a match (a case page)', async () => {
    const { lookup, apis } = setup(['salesforce']);
    const record = { crm: 'salesforce' as const, type: 'Case', id: '500x' };
    const done = lookup.start({ callId: 'c1', number: NUMBER, direction: 'outbound', record });
    await flush();
    apis.salesforce?.pending[0]?.resolve([match('salesforce', 'a'), match('salesforce', 'b')]);
    expect((await done)?.picked).toBeUndefined();
  });
});

describe('pick', () => {
  it('remembers the pick for logging, across a service-worker restart', async () => {
    const { lookup, apis, deps } = setup(['salesforce']);
    const done = lookup.start({ callId: 'c1', number: NUMBER, direction: 'inbound' });
    await flush();
    apis.salesforce?.pending[0]?.resolve([match('salesforce', 'a'), match('salesforce', 'b')]);
    await done;
    await lookup.pick('c1', { crm: 'salesforce', type: 'contact', id: 'b' });

    const restarted = createCallerLookup({ ...deps, cache: createLookupCache() });
    expect((await restarted.card('c1'))?.picked).toEqual({
      crm: 'salesforce',
      type: 'contact',
      id: 'b',
      name: 'b',
    });
  });

  it('refuses a record that is not on the card', async () => {
    const { lookup } = setup([]);
    await lookup.start({ callId: 'c1', number: NUMBER, direction: 'inbound' });
    await expect(lookup.pick('c1', { crm: 'hubspot', type: 'contact', id: 'zzz' })).rejects.toThrow(
      /no such match/,
    );
    expect((await lookup.card('c1'))?.picked).toBeUndefined();
  });
});
