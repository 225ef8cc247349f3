/**
 * Admin policy as Chrome hands it over through `chrome.storage.managed` (described by
 * public/managed-schema.json). Chrome has already dropped values whose type does not match
 * the schema; parsePolicy checks the rest.
 *
 * Works in the service worker and in extension pages. The offscreen document has no
 * `chrome.storage` at all, so it gets settings by message. Chrome may load platform policy a
 * few seconds after the extension starts: the first read can be empty and the policy then
 * arrives through `storage.onChanged` (area `managed`), as any later change does.
 * https://developer.chrome.com/docs/extensions/reference/manifest/storage
 */
import { createLogger } from '../core/logger.ts';

const log = createLogger('policy');

export type RawPolicy = Record<string, unknown>;

const isRecord = (raw: unknown): raw is RawPolicy =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw);

/** The raw policy, `{}` when there is none or managed storage is unavailable. */
export async function readManagedPolicy(): Promise<RawPolicy> {
  if (typeof chrome === 'undefined' || !chrome.storage?.managed) return {};
  try {
    const raw: unknown = await chrome.storage.managed.get(null);
    return isRecord(raw) ? raw : {};
  } catch (error) {
    // Chrome rejects without a managed schema in the manifest; Firefox when none is installed.
    log.warn('managed storage unavailable', error);
    return {};
  }
}
