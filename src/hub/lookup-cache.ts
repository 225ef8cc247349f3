/**
 * A short-lived, bounded cache of lookup results per CRM instance and number, so a caller who
 * rings again within a minute is not looked up again. It lives in `chrome.storage.session`
 * (memory only, cleared when the browser quits, never written to disk): the service worker
 * is stopped after ~30 s idle, and a cache in its own memory would be gone exactly when a
 * caller rings back.
 * https://developer.chrome.com/docs/extensions/reference/api/storage#property-session
 */
import type { CrmMatch } from '../protocol/caller-card.ts';
import { memoryArea, type KeyValueArea } from './key-value-area.ts';

const KEY = 'lookupCache';

export interface LookupCacheOptions {
  /** Where entries live; `chrome.storage.session` in the worker, memory in tests. */
  area?: KeyValueArea;
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export interface LookupCache {
  get(key: string): Promise<CrmMatch[] | undefined>;
  set(key: string, matches: CrmMatch[]): Promise<void>;
}

interface Entry {
  key: string;
  at: number;
  matches: CrmMatch[];
}

export function lookupKey(crm: string, origin: string, e164: string): string {
  return `${crm}|${origin}|${e164}`;
}

export function createLookupCache(options: LookupCacheOptions = {}): LookupCache {
  const area = options.area ?? memoryArea();
  const ttl = options.ttlMs ?? 60_000;
  const max = options.maxEntries ?? 50;
  const now = options.now ?? Date.now;

  /** Entries still fresh, oldest stored first. */
  const fresh = async (): Promise<Entry[]> => {
    const value = await area.get(KEY);
    const entries = Array.isArray(value) ? (value as Entry[]) : [];
    return entries.filter((e) => now() - e.at < ttl);
  };
  // Several CRMs answer at once: writes run one after another, so none is lost.
  let writes: Promise<void> = Promise.resolve();

  return {
    async get(key) {
      await writes;
      return (await fresh()).find((e) => e.key === key)?.matches;
    },
    set(key, matches) {
      const write = async (): Promise<void> => {
        const others = (await fresh()).filter((e) => e.key !== key);
        await area.set(KEY, [...others, { key, at: now(), matches }].slice(-max));
      };
      const next = writes.then(write, write);
      writes = next.catch(() => undefined);
      return next;
    },
  };
}
