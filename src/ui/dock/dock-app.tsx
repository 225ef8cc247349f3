import { useEffect, useRef, useState } from 'preact/hooks';
import type { CallerCard } from '../../protocol/caller-card.ts';
import { useCallerCards, watchCard } from '../caller/use-callers.ts';
import type { CallerHub, DockStore, PhoneHub } from '../ports.ts';
import { needsClock } from '../phone/popup-app.tsx';
import { useNow, usePhone } from '../phone/use-phone.ts';
import { DockView } from './dock-view.tsx';

interface Props {
  hub: PhoneHub;
  store: DockStore;
  /** The hub's caller cards; without it the dock shows none. */
  callers?: CallerHub;
}

/** How long a dock waits for the hub's card of a new call before unfolding anyway. */
const CARD_WAIT_MS = 1500;

/**
 * The dock page connected to the hub. The collapsed state is kept across pages and tabs; an
 * incoming call unfolds the dock once, without changing what is kept: the dock the hub names
 * on the caller card (`dockTabId`: the CRM tab the agent is on or used last), every dock when
 * the hub names none, and any other dock whose tab the agent shows while the call rings.
 */
export function DockApp({ hub, store, callers }: Props) {
  const phone = usePhone(hub);
  const cards = useCallerCards(callers, phone.snapshot);
  const now = useNow(needsClock(phone));
  // Undefined until the kept state is read, so the host frame does not flash open first.
  const [collapsed, setCollapsed] = useState<boolean | undefined>(undefined);
  const seenIncoming = useRef(new Set<string>());
  /** Calls that unfolded this dock (each once). */
  const unfoldedFor = useRef(new Set<string>());
  const latest = useRef(phone.snapshot);
  latest.current = phone.snapshot;

  /** Unfolds for a call once, and only while it still rings in (answers may come late). */
  const unfoldFor = (callId: string) => {
    const calls = latest.current?.calls ?? [];
    if (!calls.some((c) => c.id === callId && c.state === 'incoming')) return;
    if (unfoldedFor.current.has(callId)) return;
    unfoldedFor.current.add(callId);
    setCollapsed(false);
  };

  useEffect(() => {
    store.loadCollapsed().then(
      (kept) => setCollapsed(kept && unfoldedFor.current.size === 0),
      () => setCollapsed(false),
    );
  }, [store]);

  useEffect(() => {
    const incoming = phone.snapshot?.calls.filter((c) => c.state === 'incoming') ?? [];
    const fresh = incoming.filter((c) => !seenIncoming.current.has(c.id));
    fresh.forEach((c) => seenIncoming.current.add(c.id));
    for (const call of fresh) {
      unfoldsHere(call.id, store, callers).then(
        (yes) => yes && unfoldFor(call.id),
        () => undefined,
      );
    }
  }, [phone.snapshot]);

  const ringing = phone.snapshot?.calls.some((c) => c.state === 'incoming') ?? false;
  useEffect(() => {
    if (!ringing) return undefined;
    return store.onShown(() => {
      for (const call of latest.current?.calls ?? []) unfoldFor(call.id);
    });
  }, [store, ringing]);

  useEffect(() => {
    if (collapsed !== undefined) store.reportLayout(collapsed);
  }, [store, collapsed]);

  const toggle = (next: boolean) => {
    setCollapsed(next);
    store.saveCollapsed(next).catch(() => undefined); // only a convenience
  };

  if (collapsed === undefined) return null;
  return (
    <DockView
      phone={phone}
      now={now}
      actions={hub}
      collapsed={collapsed}
      onToggle={toggle}
      callers={cards}
    />
  );
}

async function unfoldsHere(
  callId: string,
  store: DockStore,
  callers: CallerHub | undefined,
): Promise<boolean> {
  if (!callers) return true;
  const [tabId, card] = await Promise.all([
    store.tabId().catch(() => undefined),
    cardOf(callers, callId, CARD_WAIT_MS),
  ]);
  const chosen = card?.dockTabId;
  return chosen === undefined || tabId === undefined || chosen === tabId;
}

/** The hub's card of a call as soon as there is one; null if none comes within `waitMs`. */
function cardOf(callers: CallerHub, callId: string, waitMs: number): Promise<CallerCard | null> {
  return new Promise((resolve) => {
    const done = (card: CallerCard | null) => {
      clearTimeout(timer);
      stop();
      resolve(card);
    };
    const timer = setTimeout(() => done(null), waitMs);
    const stop = watchCard(callers, callId, done);
  });
}
