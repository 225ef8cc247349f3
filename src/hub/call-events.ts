/**
 * What happened to calls between two snapshots, for the CRM side of the hub: calls that began
 * (ringing in, or being dialled), calls answered, and calls that ended. An ended call may be
 * gone from the new snapshot and only present as the push's `changed` call.
 */
import type { CallSnapshot, PhoneSnapshot } from '../protocol/phone-state.ts';

export interface CallEvents {
  started: CallSnapshot[];
  answered: CallSnapshot[];
  ended: CallSnapshot[];
}

export function callEvents(
  prev: PhoneSnapshot | undefined,
  next: PhoneSnapshot,
  changed?: CallSnapshot,
): CallEvents {
  const before = new Map(prev?.calls.map((c) => [c.id, c]));
  const calls = new Map(next.calls.map((c) => [c.id, c]));
  if (changed) calls.set(changed.id, changed);

  const events: CallEvents = { started: [], answered: [], ended: [] };
  for (const call of calls.values()) {
    const old = before.get(call.id);
    if (!old && call.state !== 'ended') events.started.push(call);
    if (call.answeredAt !== undefined && old?.answeredAt === undefined) events.answered.push(call);
    if (call.state === 'ended' && old?.state !== 'ended') events.ended.push(call);
  }
  return events;
}
