/**
 * The durable call-log queue: each finished call's log, per CRM, keyed by call id, kept in
 * `chrome.storage.local` until the CRM has it, retried with backoff across service-worker and
 * browser restarts (the hub arms a chrome.alarms alarm for `schedule(at)` and drains on it).
 *
 * Exactly once: a key is accepted once, ever (done keys are remembered for a week); one drain
 * runs at a time; an entry is marked `sending` before its write, and an entry found `sending`
 * after a crash is retried, which is safe because every adapter's logCall first looks for the
 * log an earlier attempt wrote (by the call id) and does not write it again.
 *
 *   pending ──write ok──▶ done
 *      ▲  │
 *      │  ├─signin/forbidden/ratelimited/unavailable──▶ pending (later)
 *      └──┘
 *         └─notfound / our request refused / too old──▶ failed
 */
import { createLogger } from '../core/logger.ts';
import type { CallLogEntry, CallLogResult } from '../crm/api-adapter.ts';
import { CrmError, type CrmErrorKind } from '../crm/crm-error.ts';
import type { KeyValueArea } from './key-value-area.ts';

const log = createLogger('hub:call-log');

const KEY = 'callLogQueue';
export const MAX_ENTRIES = 500;
const KEEP_DONE_MS = 7 * 24 * 3600_000;
const GIVE_UP_MS = 7 * 24 * 3600_000;
/** HubSpot's search sees a new call only seconds after its create: never retry sooner. */
export const MIN_RETRY_MS = 30_000;
const MAX_RETRY_MS = 3600_000;
/** Waiting for the agent to sign in again, or for an admin to grant access. */
const ACCESS_RETRY_MS = 5 * 60_000;

export type QueueStatus = 'pending' | 'sending' | 'done' | 'failed';

export interface QueuedLog {
  key: string;
  entry: CallLogEntry;
  status: QueueStatus;
  attempts: number;
  nextAt: number;
  enqueuedAt: number;
  doneAt?: number;
  remoteId?: string;
  lastError?: { kind: CrmErrorKind | 'refused'; message: string };
}

export interface CallLogQueueDeps {
  area: KeyValueArea;
  /** The adapter's logCall for the entry's CRM and origin. */
  write(entry: CallLogEntry): Promise<CallLogResult>;
  /** Wake a drain at this time (chrome.alarms); undefined when nothing waits. */
  schedule(at: number | undefined): void | Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Bound on stored entries (default MAX_ENTRIES). */
  maxEntries?: number;
}

export type EnqueueResult = 'queued' | 'duplicate' | 'full';

export function logKey(entry: Pick<CallLogEntry, 'crm' | 'callId'>): string {
  return `${entry.crm}:${entry.callId}`;
}

export function createCallLogQueue(deps: CallLogQueueDeps) {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const max = deps.maxEntries ?? MAX_ENTRIES;
  let lock: Promise<unknown> = Promise.resolve();

  /** One read-modify-write of the stored queue at a time. */
  const mutate = <T>(change: (queue: QueuedLog[]) => T): Promise<T> => {
    const run = async (): Promise<T> => {
      const stored = await deps.area.get(KEY);
      const queue = Array.isArray(stored) ? (stored as QueuedLog[]) : [];
      const result = change(queue);
      await deps.area.set(KEY, prune(queue, now(), max));
      return result;
    };
    const next = lock.then(run, run);
    lock = next.catch(() => undefined);
    return next;
  };

  const attempt = async (key: string): Promise<void> => {
    const item = await mutate((queue) => {
      const found = queue.find((q) => q.key === key);
      if (found) Object.assign(found, { status: 'sending', attempts: found.attempts + 1 });
      return found && structuredClone(found);
    });
    if (!item) return;

    let outcome: Partial<QueuedLog>;
    try {
      const result = await deps.write(item.entry);
      outcome = { status: 'done', doneAt: now(), remoteId: result.remoteId };
    } catch (error) {
      outcome = afterFailure(item, error, now(), random());
      log.warn(`call log ${key}: attempt ${item.attempts} failed`, error);
    }
    await mutate((queue) => {
      const found = queue.find((q) => q.key === key);
      if (found)
        Object.assign(found, outcome, outcome.status === 'done' ? { lastError: undefined } : {});
    });
  };

  let running: Promise<void> | undefined;
  let again = false;
  const drainOnce = async (): Promise<void> => {
    const due = await mutate((queue) =>
      queue
        .filter((q) => (q.status === 'pending' || q.status === 'sending') && q.nextAt <= now())
        .map((q) => q.key),
    );
    for (const key of due) await attempt(key);
    const next = await mutate((queue) => {
      const waiting = queue.filter((q) => q.status === 'pending').map((q) => q.nextAt);
      return waiting.length ? Math.min(...waiting) : undefined;
    });
    await deps.schedule(next);
  };

  return {
    /** Accepts a call's log once; a repeated key is a duplicate, never a second write. */
    enqueue(entry: CallLogEntry): Promise<EnqueueResult> {
      return mutate((queue) => {
        const key = logKey(entry);
        if (queue.some((q) => q.key === key)) return 'duplicate';
        if (
          queue.length >= max &&
          !queue.some((q) => q.status === 'done' || q.status === 'failed')
        ) {
          log.error(`call log queue full: ${key} not accepted`);
          return 'full';
        }
        const at = now();
        queue.push({ key, entry, status: 'pending', attempts: 0, nextAt: at, enqueuedAt: at });
        return 'queued';
      });
    },

    /** Writes every due entry; one drain at a time, a request during it runs once more after. */
    drain(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await drainOnce();
        } while (again);
      })().finally(() => (running = undefined));
      return running;
    },

    /** The stored entries, for the UI's "not yet logged" list. */
    list: (): Promise<QueuedLog[]> => mutate((queue) => structuredClone(queue)),
  };
}

export type CallLogQueue = ReturnType<typeof createCallLogQueue>;

function afterFailure(
  item: QueuedLog,
  error: unknown,
  at: number,
  jitter: number,
): Partial<QueuedLog> {
  const kind: CrmErrorKind | 'refused' = error instanceof CrmError ? error.kind : 'refused';
  const lastError = { kind, message: error instanceof Error ? error.message : String(error) };
  const final = kind === 'notfound' || kind === 'refused' || at - item.enqueuedAt > GIVE_UP_MS;
  if (final) return { status: 'failed', lastError };

  const backoff = Math.min(MAX_RETRY_MS, MIN_RETRY_MS * 2 ** Math.max(0, item.attempts - 1));
  let wait = backoff * (0.9 + 0.2 * jitter);
  if (kind === 'ratelimited' && error instanceof CrmError && error.retryAfterMs) {
    wait = Math.max(wait, error.retryAfterMs);
  }
  if (kind === 'signin' || kind === 'forbidden') wait = Math.max(wait, ACCESS_RETRY_MS);
  return { status: 'pending', nextAt: at + Math.round(wait), lastError };
}

/** Forgets done entries after a week and the oldest finished ones past the bound. */
function prune(queue: QueuedLog[], at: number, max: number): QueuedLog[] {
  const kept = queue.filter((q) => q.status !== 'done' || at - (q.doneAt ?? at) < KEEP_DONE_MS);
  while (kept.length > max) {
    const index = kept.findIndex((q) => q.status === 'done' || q.status === 'failed');
    if (index < 0) break;
    kept.splice(index, 1);
  }
  return kept;
}
