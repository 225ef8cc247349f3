/**
 * Reacts to the engine's state pushes: remembers the snapshot in session storage, counts
 * missed calls, keeps the badge and the call notifications in step, and opens the microphone
 * onboarding when the microphone turns out blocked or missing. Pushes are applied one at a
 * time, each from the state the previous one stored, so a worker restart loses nothing.
 */
import { createLogger } from '../core/logger.ts';
import type { CallSnapshot, MediaStatus, PhoneSnapshot } from '../protocol/phone-state.ts';
import { badgeFor, showBadge } from './badge.ts';
import { missedCalls, newlyIncoming, stoppedRinging } from './calls.ts';
import { crmOnPhoneChanged } from './crm-calls.ts';
import { engine } from './engine.ts';
import { clearCallNotification, showIncomingCall } from './notifications.ts';
import { openOnboarding } from './onboarding.ts';
import { readSession, writeSession } from './session.ts';

const log = createLogger('hub:phone');
const MAX_COUNTED = 100;

let queue: Promise<void> = Promise.resolve();

const bad = (media: MediaStatus | undefined) => media === 'blocked' || media === 'missing';

async function apply(snapshot: PhoneSnapshot, changed?: CallSnapshot): Promise<void> {
  const session = await readSession();
  const prev = session.lastSnapshot;
  // Caller lookup, screen-pop and call logs: started first, never awaited by the ring.
  crmOnPhoneChanged(prev, snapshot, changed);

  const seen = new Set(session.countedMissed);
  const candidates = changed ? [...snapshot.calls, changed] : snapshot.calls;
  const fresh = [...new Set(missedCalls(candidates).map((c) => c.id))].filter(
    (id) => !seen.has(id),
  );
  const missedCount = session.missedCount + fresh.length;
  const countedMissed = [...session.countedMissed, ...fresh].slice(-MAX_COUNTED);
  await writeSession({ lastSnapshot: snapshot, missedCount, countedMissed });

  await Promise.all([
    showBadge(badgeFor(snapshot, missedCount)),
    ...newlyIncoming(prev, snapshot).map(showIncomingCall),
    ...stoppedRinging(prev, snapshot).map(clearCallNotification),
  ]);
  if (bad(snapshot.media) && !bad(prev?.media)) await openOnboarding();
}

export function onPhoneChanged(snapshot: PhoneSnapshot, changed?: CallSnapshot): Promise<void> {
  queue = queue
    .then(() => apply(snapshot, changed))
    .catch((err: unknown) => log.error('could not apply a phone change', err));
  return queue;
}

/** After a worker start: take the engine's state as it is now. */
export async function syncFromEngine(): Promise<void> {
  await onPhoneChanged(await engine.send('phone.snapshot', null));
}

export async function clearMissed(): Promise<void> {
  const session = await readSession();
  await writeSession({ missedCount: 0 });
  await showBadge(badgeFor(session.lastSnapshot, 0));
}
