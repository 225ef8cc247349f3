import { expect, it } from 'vitest';
import type { CrmMatch } from '../protocol/caller-card.ts';
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

it('answers within the time to live and forgets after it', () => {
  let now = 0;
  const cache = createLookupCache({ ttlMs: 60_000, now: () => now });
  cache.set('k', [match('a')]);
  now = 59_999;
  expect(cache.get('k')?.[0]?.name).toBe('a');
  now = 60_000;
  expect(cache.get('k')).toBeUndefined();
});

it('keeps at most maxEntries, dropping the oldest stored', () => {
  const cache = createLookupCache({ maxEntries: 2 });
  cache.set('a', []);
  cache.set('b', []);
  cache.set('a', [match('a2')]);
  cache.set('c', []);
  expect(cache.get('b')).toBeUndefined();
  expect(cache.get('a')?.[0]?.name).toBe('a2');
  expect(cache.get('c')).toEqual([]);
});

it('hands out copies, so a caller changing a result does not change the cache', () => {
  const cache = createLookupCache();
  cache.set('k', [match('a')]);
  const first = cache.get('k');
  if (first?.[0]) first[0].name = 'changed';
  expect(cache.get('k')?.[0]?.name).toBe('a');
});

it('keys by CRM, instance and number', () => {
  expect(lookupKey('salesforce', 'https://a.lightning.force.com', '+49301')).not.toBe(
    lookupKey('salesforce', 'https://b.lightning.force.com', '+49301'),
  );
});
