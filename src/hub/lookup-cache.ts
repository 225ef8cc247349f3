/**
 * A short-lived, bounded cache of lookup results per CRM instance and number, so a caller who
 * rings again within a minute is not looked up again. In the service worker's memory only:
 * it is a speed-up, and a stopped worker simply asks the CRM again.
 */
import type { CrmMatch } from '../protocol/caller-card.ts';

export interface LookupCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export interface LookupCache {
  get(key: string): CrmMatch[] | undefined;
  set(key: string, matches: CrmMatch[]): void;
  clear(): void;
}

export function lookupKey(crm: string, origin: string, e164: string): string {
  return `${crm}|${origin}|${e164}`;
}

export function createLookupCache(options: LookupCacheOptions = {}): LookupCache {
  const ttl = options.ttlMs ?? 60_000;
  const max = options.maxEntries ?? 50;
  const now = options.now ?? Date.now;
  // Map keeps insertion order: the first key is the least recently stored.
  const entries = new Map<string, { at: number; matches: CrmMatch[] }>();

  return {
    get(key) {
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (now() - hit.at >= ttl) {
        entries.delete(key);
        return undefined;
      }
      return structuredClone(hit.matches);
    },
    set(key, matches) {
      entries.delete(key);
      entries.set(key, { at: now(), matches: structuredClone(matches) });
      while (entries.size > max) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    clear: () => entries.clear(),
  };
}
