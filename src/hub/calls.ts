/**
 * Pure choices the hub makes from snapshots: which call a shortcut acts on, which calls just
 * started or stopped ringing in, and which ended unanswered.
 */
import type { CallSnapshot, PhoneSnapshot } from '../protocol/phone-state.ts';

const live = (s: PhoneSnapshot) => s.calls.filter((c) => c.state !== 'ended');

/** The oldest call ringing in. */
export function callToAnswer(s: PhoneSnapshot): CallSnapshot | undefined {
  return live(s).find((c) => c.state === 'incoming');
}

/**
 * The call the user is talking on; failing that, one being dialled, then one ringing in
 * (which hanging up declines).
 */
export function callToHangUp(s: PhoneSnapshot): CallSnapshot | undefined {
  const calls = live(s);
  return (
    calls.find((c) => c.state === 'active' && !c.held) ??
    calls.find((c) => c.state === 'dialing' || c.state === 'ringing') ??
    calls.find((c) => c.state === 'active') ??
    calls.find((c) => c.state === 'incoming')
  );
}

export function callToMute(s: PhoneSnapshot): CallSnapshot | undefined {
  return live(s).find((c) => c.state === 'active' && !c.held);
}

function incomingIds(s: PhoneSnapshot | undefined): Set<string> {
  return new Set(s?.calls.filter((c) => c.state === 'incoming').map((c) => c.id));
}

export function newlyIncoming(
  prev: PhoneSnapshot | undefined,
  next: PhoneSnapshot,
): CallSnapshot[] {
  const before = incomingIds(prev);
  return next.calls.filter((c) => c.state === 'incoming' && !before.has(c.id));
}

export function stoppedRinging(prev: PhoneSnapshot | undefined, next: PhoneSnapshot): string[] {
  const now = incomingIds(next);
  return [...incomingIds(prev)].filter((id) => !now.has(id));
}

/** Inbound calls that ended without being answered, other than those the user declined. */
export function missedCalls(calls: CallSnapshot[]): CallSnapshot[] {
  return calls.filter(
    (c) =>
      c.direction === 'inbound' &&
      c.state === 'ended' &&
      c.answeredAt === undefined &&
      c.endCause !== 'declined' &&
      c.endCause !== 'local-hangup',
  );
}
