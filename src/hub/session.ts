/**
 * What the hub must remember while the worker sleeps, in `storage.session` (kept for the
 * browser session, cleared on restart). The worker may stop at any moment (field case C16),
 * so every change is written here before anything else depends on it.
 */
import type { PhoneSnapshot } from '../protocol/phone-state.ts';

export interface HubSession {
  /** The engine's last pushed snapshot: what notifications and badge were built from. */
  lastSnapshot?: PhoneSnapshot;
  missedCount: number;
  /** Ids of calls already counted as missed (bounded). */
  countedMissed: string[];
}

const EMPTY: HubSession = { missedCount: 0, countedMissed: [] };
const KEYS: (keyof HubSession)[] = ['lastSnapshot', 'missedCount', 'countedMissed'];

export async function readSession(): Promise<HubSession> {
  const stored = await chrome.storage.session.get<Partial<HubSession>>(KEYS);
  return { ...EMPTY, ...stored };
}

export async function writeSession(patch: Partial<HubSession>): Promise<void> {
  await chrome.storage.session.set(patch);
}
