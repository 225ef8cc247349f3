/**
 * The caller cards of the call the agent is dealing with, for the dock: the hub's card for
 * that call (asked for once, then kept current by `caller.card` pushes), one CallerCard per
 * CRM that looked the number up.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CallerCard, CrmCardState } from '../../protocol/caller-card.ts';
import type { CallSnapshot, CrmName, PhoneSnapshot } from '../../protocol/phone-state.ts';
import type { CallerHub } from '../ports.ts';
import type { CallerCardProps } from './caller-card.tsx';

/** Product names, not translated. */
const CRM_LABELS: Record<CrmName, string> = {
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  zendesk: 'Zendesk',
};
const ORDER: CrmName[] = ['salesforce', 'hubspot', 'zendesk'];

/** The call a card is for: one ringing in, else the one being talked on, else being dialled. */
export function currentCall(snapshot: PhoneSnapshot | undefined): CallSnapshot | undefined {
  const live = snapshot?.calls.filter((c) => c.state !== 'ended') ?? [];
  return (
    live.find((c) => c.state === 'incoming') ??
    live.find((c) => c.state === 'active' && !c.held) ??
    live.find((c) => c.state === 'dialing' || c.state === 'ringing') ??
    live[0]
  );
}

export function toCardProps(card: CallerCard, onPick: CallerHub['pick']): CallerCardProps[] {
  return ORDER.flatMap((crm) => {
    const state = card.crms[crm];
    return state ? [propsFor(card, state, onPick)] : [];
  });
}

function propsFor(
  card: CallerCard,
  state: CrmCardState,
  onPick: CallerHub['pick'],
): CallerCardProps {
  const props: CallerCardProps = {
    crmLabel: CRM_LABELS[state.crm],
    number: card.number,
    status: state.status,
    matches: state.matches.map((m) => ({
      name: m.name,
      items: m.items.map(({ label, status, date, url }) => ({
        label,
        status,
        date,
        ...(url ? { url } : {}),
      })),
      url: m.url,
      score: m.score,
      ...(m.company ? { company: m.company } : {}),
      ...(m.title ? { title: m.title } : {}),
      ...(m.owner ? { owner: m.owner } : {}),
      ...(m.lastInteraction ? { lastInteraction: m.lastInteraction } : {}),
    })),
    onPick: (_match, index) => {
      const ref = state.matches[index]?.ref;
      if (ref) onPick(card.callId, ref).catch(() => undefined); // the card shows the pick anyway
    },
  };
  if (state.errorKind) props.errorKind = state.errorKind;
  if (state.createUrl) props.createContactUrl = state.createUrl;
  const picked = card.picked;
  const index = picked
    ? state.matches.findIndex((m) => m.ref.crm === picked.crm && m.ref.id === picked.id)
    : -1;
  if (index >= 0) props.picked = index;
  return props;
}

export function useCallerCards(
  hub: CallerHub | undefined,
  snapshot: PhoneSnapshot | undefined,
): CallerCardProps[] {
  const callId = currentCall(snapshot)?.id;
  const [card, setCard] = useState<CallerCard | null>(null);

  useEffect(() => {
    setCard(null);
    if (!hub || !callId) return;
    return watchCard(hub, callId, setCard);
  }, [hub, callId]);

  return hub && card ? toCardProps(card, hub.pick) : [];
}

/**
 * Calls `onCard` with the hub's card of a call: the stored one (unless a push came first),
 * then every push for that call. Returns the function that stops it.
 */
export function watchCard(
  hub: CallerHub,
  callId: string,
  onCard: (card: CallerCard) => void,
): () => void {
  let alive = true;
  let pushed = false;
  const unsubscribe = hub.subscribe((next) => {
    if (!alive || next.callId !== callId) return;
    pushed = true;
    onCard(next);
  });
  hub.card(callId).then(
    (stored) => alive && !pushed && stored && onCard(stored),
    () => undefined, // pushes still come
  );
  return () => {
    alive = false;
    unsubscribe();
  };
}
