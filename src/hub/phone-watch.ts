/**
 * Reacts to the engine's state pushes: remembers the snapshot in session storage, counts
 * missed calls, keeps the badge and the call notifications in step, and opens the microphone
 * onboarding when the microphone turns out not yet allowed, blocked or missing. Pushes are
 * applied one at a time, each from the state the previous one stored, so a worker restart
 * loses nothing.
 */
import {
  microphoneNeedsSetup,
  type CallSnapshot,
  type PhoneSnapshot,
} from '../protocol/phone-state.ts';
import { badgeFor, showBadge } from './badge.ts';
import { missedCalls, newlyIncoming, stoppedRinging } from './calls.ts';
import { sendPendingDtmf } from './dial.ts';
import { crmNotificationShown, crmOnPhoneChanged } from './crm-calls.ts';
import { engine } from './engine.ts';
import { clearCallNotification, showIncomingCall } from './notifications.ts';
import { openOnboarding } from './onboarding.ts';
import { readSession, writeSession } from './session.ts';

const MAX_COUNTED = 100;

let queue: Promise<void> = Promise.resolve();

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
    ...newlyIncoming(prev, snapshot).map(notifyIncoming),
    ...stoppedRinging(prev, snapshot).map(clearCallNotification),
  ]);
  // A microphone not yet allowed opens the page too: the engine can never ask for it, so on a
  // fresh install this page is the only way to calls. Once per change, not on every push.
  if (microphoneNeedsSetup(snapshot.media) && !microphoneNeedsSetup(prev?.media)) {
    await openOnboarding();
  }
  await sendPendingDtmf(snapshot);
}

async function notifyIncoming(call: CallSnapshot): Promise<void> {
  await showIncomingCall(call);
  await crmNotificationShown(call.id);
}

/**
 * Runs `step` after every step before it, so each reads what the previous one stored. The
 * caller gets the step's own failure; the queue goes on.
 */
function enqueue(step: () => Promise<void>): Promise<void> {
  const run = queue.then(step);
  queue = run.catch(() => undefined);
  return run;
}

export function onPhoneChanged(snapshot: PhoneSnapshot, changed?: CallSnapshot): Promise<void> {
  return enqueue(() => apply(snapshot, changed));
}

/** After a worker start: take the engine's state as it is now. */
export async function syncFromEngine(): Promise<void> {
  await onPhoneChanged(await engine.send('phone.snapshot', null));
}

/** Missed calls counted so far, including those of pushes still being applied. */
export async function missedCount(): Promise<number> {
  await queue;
  return (await readSession()).missedCount;
}

/** In the queue too: a clear between a change's read and write would be undone. */
export function clearMissed(): Promise<void> {
  return enqueue(async () => {
    const session = await readSession();
    await writeSession({ missedCount: 0 });
    await showBadge(badgeFor(session.lastSnapshot, 0));
  });
}
