/**
 * The calls the phone publishes. Live calls are always listed; ended ones stay so the views can
 * show how they ended, up to the last five (older ended calls drop out as new ones end). The
 * hub keeps the history; this list is only what is on screen now. Oldest first.
 */
import type { CallSnapshot } from '../protocol/phone-state.ts';
import type { Call } from './call.ts';

export const ENDED_CALLS_KEPT = 5;

/** Ids of ended calls beyond the newest `keep`. */
export function endedBeyond(calls: readonly CallSnapshot[], keep = ENDED_CALLS_KEPT): string[] {
  return calls
    .filter((call) => call.state === 'ended')
    .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0))
    .slice(keep)
    .map((call) => call.id);
}

/** How long an established call outlives a transport loss without reconnect (64 × T1, RFC 3261). */
const LOST_CALL_GRACE_MS = 32_000;

export class CallList {
  private readonly calls = new Map<string, Call>();
  private lostTimer: ReturnType<typeof setTimeout> | undefined;

  add(call: Call): void {
    this.calls.set(call.id, call);
  }

  get(id: string): Call | undefined {
    return this.calls.get(id);
  }

  live(): Call[] {
    return [...this.calls.values()].filter((call) => call.live);
  }

  /**
   * The transport is down: calls still being set up end now; established ones wait for the
   * reconnect (their media may still flow), but not longer than the grace time.
   */
  transportLost(): void {
    for (const call of this.live()) call.transportLost();
    clearTimeout(this.lostTimer);
    this.lostTimer = setTimeout(() => {
      for (const call of this.live()) call.loseConnection('No reconnect to the server in time.');
    }, LOST_CALL_GRACE_MS);
  }

  /** Connected again: every established call proves its dialog still works, or ends. */
  reconnected(onError: (error: unknown) => void): void {
    clearTimeout(this.lostTimer);
    for (const call of this.live()) void call.refreshAfterReconnect().catch(onError);
  }

  stopTimers(): void {
    clearTimeout(this.lostTimer);
  }

  /** Drops ended calls beyond the kept ones; returns the snapshots, oldest first. */
  snapshots(): CallSnapshot[] {
    const all = [...this.calls.values()].map((call) => call.snapshot);
    for (const id of endedBeyond(all)) this.calls.delete(id);
    return [...this.calls.values()]
      .map((call) => call.snapshot)
      .sort((a, b) => a.createdAt - b.createdAt);
  }
}
