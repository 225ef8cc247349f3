/**
 * Which record a finished call is logged on, per CRM, and the queue entry for it (C25):
 * - dialled from a record: that record, and nothing else;
 * - otherwise the match the agent picked, with its company or account;
 * - otherwise a CRM's single clear best match;
 * - several equal matches and no pick: not logged ("log to all" is no default).
 */
import type { CallLogEntry, CallOutcome } from '../protocol/call-log.ts';
import type { CallerCard, CrmMatch } from '../protocol/caller-card.ts';
import type { CallSnapshot, CrmName, RecordRef } from '../protocol/phone-state.ts';

export interface LogTarget {
  target: RecordRef;
  related?: RecordRef;
  /** The CRM web app's origin the record lives in. */
  origin: string;
}

export function logTargets(call: CallSnapshot, card: CallerCard | undefined): LogTarget[] {
  if (call.direction === 'outbound' && call.record) {
    const url = call.record.url ?? matchOf(card, call.record)?.url;
    return url ? [{ target: call.record, origin: new URL(url).origin }] : [];
  }
  if (!card) return [];

  const targets: LogTarget[] = [];
  for (const state of Object.values(card.crms)) {
    if (state.status !== 'found') continue;
    const picked = card.picked?.crm === state.crm ? matchOf(card, card.picked) : undefined;
    const match = picked ?? clearBest(state.matches);
    if (!match) continue;
    const entry: LogTarget = { target: match.ref, origin: new URL(match.url).origin };
    if (match.related) entry.related = match.related;
    targets.push(entry);
  }
  return targets;
}

function matchOf(card: CallerCard | undefined, ref: RecordRef): CrmMatch | undefined {
  return card?.crms[ref.crm]?.matches.find((m) => m.ref.type === ref.type && m.ref.id === ref.id);
}

function clearBest(matches: readonly CrmMatch[]): CrmMatch | undefined {
  const [first, second] = matches;
  return first && (!second || first.score > second.score) ? first : undefined;
}

export function outcomeOf(call: CallSnapshot): CallOutcome {
  if (call.answeredAt !== undefined) return 'answered';
  if (call.endCause === 'busy') return 'busy';
  if (call.endCause === 'no-answer') return 'no-answer';
  if (call.endCause === 'failed' || call.endCause === 'not-found') return 'failed';
  return 'missed';
}

export interface EntryText {
  subject(direction: CallSnapshot['direction'], who: string): string;
  ownNumber?: string;
}

/**
 * The queue entries for a finished call; only on records of an org `ours` accepts (the
 * settings' hosts: a call dialled from a look-alike org's page is not logged there).
 */
export function logEntries(
  call: CallSnapshot,
  card: CallerCard | undefined,
  text: EntryText,
  ours: (crm: CrmName, origin: string) => boolean,
): CallLogEntry[] {
  const targets = logTargets(call, card).filter((t) => ours(t.target.crm, t.origin));
  return targets.map(({ target, related, origin }) => {
    const entry: CallLogEntry = {
      callId: call.id,
      crm: target.crm,
      origin,
      direction: call.direction,
      number: call.remoteNumber,
      startedAt: call.createdAt,
      endedAt: call.endedAt ?? call.createdAt,
      outcome: outcomeOf(call),
      target,
      subject: text.subject(call.direction, target.name ?? call.remoteNumber),
    };
    if (call.answeredAt !== undefined) entry.answeredAt = call.answeredAt;
    if (related) entry.related = related;
    if (text.ownNumber) entry.ownNumber = text.ownNumber;
    return entry;
  });
}
