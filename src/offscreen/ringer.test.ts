import { describe, expect, it } from 'vitest';
import type { CallSnapshot, CallState } from '../protocol/phone-state.ts';
import { ringModeFor } from './ringer.ts';

const calls = (...states: CallState[]): CallSnapshot[] =>
  states.map((state, i) => ({
    id: `c${i}`,
    direction: state === 'incoming' ? 'inbound' : 'outbound',
    state,
    remoteNumber: '+4930123',
    muted: false,
    held: false,
    remoteHeld: false,
    holdPending: false,
    createdAt: i,
  }));

const mode = (...states: CallState[]) =>
  ringModeFor({
    registration: { state: 'registered', since: 0 },
    calls: calls(...states),
    media: 'ok',
  });

describe('ringModeFor', () => {
  it('rings for a call coming in while idle', () => {
    expect(mode('incoming')).toBe('ring');
    expect(mode('incoming', 'ended')).toBe('ring');
  });

  it('plays the soft waiting tone instead while another call is up', () => {
    expect(mode('active', 'incoming')).toBe('waiting');
    expect(mode('dialing', 'incoming')).toBe('waiting');
  });

  it('is silent with nothing ringing in', () => {
    expect(mode()).toBe('off');
    expect(mode('active')).toBe('off');
    expect(mode('ringing')).toBe('off');
  });
});
