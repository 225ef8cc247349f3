import { expect, it } from 'vitest';
import type { CrmMatch } from '../protocol/caller-card.ts';
import { memoryArea } from './key-value-area.ts';
import { createLookupCache, lookupKey } from './lookup-cache.ts';

const match = (name: string): CrmMatch => ({
  crm: 'hubspot',
  ref: { crm: 'hubspot', type: 'contact', id: name },
  name,
  phones: [],
  items: [],
  url: '',
  score: 100,
  exact: true,
});

it('answers within the time to live and forgets after it', async () => {
  let now = 0;
  const cache = createLookupCache({ ttlMs: 60_000, now: () => now });
  await cache.set('k', [match('a')]);
  now = 59_999;
  expect((await cache.get('k'))?.[0]?.name).toBe('a');
  now = 60_000;
  expect(await cache.get('k')).toBeUndefined();
});

it('keeps at most maxEntries, dropping the oldest stored', async () => {
  const cache = createLookupCache({ maxEntries: 2 });
  await cache.set('a', []);
  await cache.set('b', []);
  await cache.set('a', [match('a2')]);
  await cache.set('c', []);
  expect(await cache.get('b')).toBeUndefined();
  expect((await cache.get('a'))?.[0]?.name).toBe('a2');
  expect(await cache.get('c')).toEqual([]);
});

it('hands out copies, so a caller changing a result does not change the cache', async () => {
  const cache = createLookupCache();
  await cache.set('k', [match('a')]);
  const first = await cache.get('k');
  if (first?.[0]) first[0].name = 'changed';
  expect((await cache.get('k'))?.[0]?.name).toBe('a');
});

it('survives a service-worker restart: a new cache on the same area still answers', async () => {
  const area = memoryArea();
  await createLookupCache({ area }).set('k', [match('a')]);
  expect((await createLookupCache({ area }).get('k'))?.[0]?.name).toBe('a');
});

it('loses no entry when several CRMs answer at once', async () => {
  const cache = createLookupCache();
  await Promise.all(['a', 'b', 'c'].map((k) => cache.set(k, [match(k)])));
  for (const k of ['a', 'b', 'c']) expect((await cache.get(k))?.[0]?.name).toBe(k);
});

it('keys by CRM, instance and number', () => {
  expect(lookupKey('salesforce', 'https://a.lightning.force.com', '+49301')).not.toBe(
    lookupKey('salesforce', 'https://b.lightning.force.com', '+49301'),
  );
});
