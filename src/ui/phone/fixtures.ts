/** Snapshots for the views' tests, shaped as the engine publishes them. */
import type { CallSnapshot, PhoneSnapshot } from '../../protocol/phone-state.ts';

export const T0 = Date.UTC(2024, 2, 5, 10, 0, 0);

export function makeCall(overrides: Partial<CallSnapshot> = {}): CallSnapshot {
  return {
    id: 'c1',
    direction: 'inbound',
    state: 'incoming',
    remoteNumber: '+49301234567',
    muted: false,
    held: false,
    remoteHeld: false,
    holdPending: false,
    createdAt: T0,
    ...overrides,
  };
}

export function makeSnapshot(overrides: Partial<PhoneSnapshot> = {}): PhoneSnapshot {
  return {
    registration: { state: 'registered', since: T0 },
    calls: [],
    media: 'ok',
    ...overrides,
  };
}
