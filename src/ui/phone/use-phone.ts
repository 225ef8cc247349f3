import { useEffect, useRef, useState } from 'preact/hooks';
import type { PhoneSnapshot } from '../../protocol/phone-state.ts';
import type { PhoneHub } from '../ports.ts';
import { announce, type Announcement } from './announce.ts';

export interface PhoneState {
  /** Undefined until the hub answered or pushed the first snapshot. */
  snapshot?: PhoneSnapshot;
  missed: number;
  announcement?: Announcement;
  /** The hub could not be reached; shown instead of stale state. */
  error?: string;
}

function endedSince(prev: PhoneSnapshot | undefined, next: PhoneSnapshot): boolean {
  const wasEnded = new Set(prev?.calls.filter((c) => c.state === 'ended').map((c) => c.id));
  return next.calls.some((c) => c.state === 'ended' && !wasEnded.has(c.id));
}

export interface PhoneViewOptions {
  /**
   * The view is where the agent looks at missed calls (the popup): it shows those missed since
   * the last look, including while it is open, and clears the hub's count and badge.
   */
  marksMissedSeen?: boolean;
}

/**
 * The phone's state for a view: subscribes to pushes first, then asks for a snapshot, so no
 * change between the two is lost (a push that arrives first wins over the older answer).
 */
export function usePhone(
  hub: PhoneHub,
  { marksMissedSeen = false }: PhoneViewOptions = {},
): PhoneState {
  const [state, setState] = useState<PhoneState>({ missed: 0 });
  const last = useRef<PhoneSnapshot | undefined>(undefined);

  useEffect(() => {
    let alive = true;
    const readMissed = async () => {
      const count = await hub.missedCalls();
      if (!marksMissedSeen) return () => count;
      if (count > 0) await hub.clearMissed();
      return (shown: number) => shown + count;
    };
    const refreshMissed = () => {
      readMissed().then(
        (next) => alive && setState((s) => ({ ...s, missed: next(s.missed) })),
        () => undefined, // the count is a hint; the badge shows it too
      );
    };
    const unsubscribe = hub.subscribe((snapshot) => {
      const prev = last.current;
      last.current = snapshot;
      const announcement = announce(prev, snapshot);
      setState((s) => ({
        ...s,
        snapshot,
        error: undefined,
        announcement: announcement ?? s.announcement,
      }));
      if (endedSince(prev, snapshot)) refreshMissed();
    });

    hub.snapshot().then(
      (snapshot) => {
        if (!alive || last.current) return;
        last.current = snapshot;
        setState((s) => ({ ...s, snapshot }));
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (alive && !last.current) setState((s) => ({ ...s, error: message }));
      },
    );
    refreshMissed();

    return () => {
      alive = false;
      unsubscribe();
    };
  }, [hub, marksMissedSeen]);

  return state;
}

/** Epoch ms, re-read every second while `ticking`, for call timers. */
export function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}
