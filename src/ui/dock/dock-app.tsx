import { useEffect, useRef, useState } from 'preact/hooks';
import { useCallerCards } from '../caller/use-callers.ts';
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

/**
 * The dock page connected to the hub. The collapsed state is kept across pages and tabs; an
 * incoming call unfolds the dock once, without changing what is kept.
 */
export function DockApp({ hub, store, callers }: Props) {
  const phone = usePhone(hub);
  const cards = useCallerCards(callers, phone.snapshot);
  const now = useNow(needsClock(phone));
  // Undefined until the kept state is read, so the host frame does not flash open first.
  const [collapsed, setCollapsed] = useState<boolean | undefined>(undefined);
  const seenIncoming = useRef(new Set<string>());
  const unfoldedByCall = useRef(false);

  useEffect(() => {
    store.loadCollapsed().then(
      (kept) => setCollapsed(kept && !unfoldedByCall.current),
      () => setCollapsed(false),
    );
  }, [store]);

  useEffect(() => {
    const incoming = phone.snapshot?.calls.filter((c) => c.state === 'incoming') ?? [];
    const fresh = incoming.filter((c) => !seenIncoming.current.has(c.id));
    fresh.forEach((c) => seenIncoming.current.add(c.id));
    if (fresh.length === 0) return;
    unfoldedByCall.current = true;
    setCollapsed(false);
  }, [phone.snapshot]);

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
