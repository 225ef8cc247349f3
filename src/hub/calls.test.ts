import { describe, expect, it } from 'vitest';
import type { CallSnapshot, PhoneSnapshot } from '../protocol/phone-state.ts';
import { badgeFor } from './badge.ts';
import {
  callToAnswer,
  callToHangUp,
  callToMute,
  missedCalls,
  newlyIncoming,
  stoppedRinging,
} from './calls.ts';

const call = (id: string, over: Partial<CallSnapshot>): CallSnapshot => ({
  id,
  direction: 'inbound',
  state: 'active',
  remoteNumber: '+4930123',
  muted: false,
  held: false,
  remoteHeld: false,
  holdPending: false,
  createdAt: 1,
  ...over,
});

const phone = (calls: CallSnapshot[], over: Partial<PhoneSnapshot> = {}): PhoneSnapshot => ({
  registration: { state: 'registered', since: 0 },
  calls,
  media: 'ok',
  ...over,
});

describe('which call a shortcut acts on', () => {
  const held = call('held', { held: true });
  const talking = call('talking', {});
  const waiting = call('waiting', { state: 'incoming' });

  it('answers the call ringing in', () => {
    expect(callToAnswer(phone([talking, waiting]))?.id).toBe('waiting');
    expect(callToAnswer(phone([talking]))).toBeUndefined();
  });

  it('hangs up the call being talked on before a held one or one ringing in', () => {
    expect(callToHangUp(phone([held, waiting, talking]))?.id).toBe('talking');
    expect(callToHangUp(phone([held, waiting]))?.id).toBe('held');
    expect(callToHangUp(phone([waiting]))?.id).toBe('waiting');
    const dialing = call('out', { direction: 'outbound', state: 'ringing' });
    expect(callToHangUp(phone([held, dialing]))?.id).toBe('out');
  });

  it('mutes only a call being talked on', () => {
    expect(callToMute(phone([held, talking]))?.id).toBe('talking');
    expect(callToMute(phone([held, waiting]))).toBeUndefined();
  });

  it('ignores ended calls', () => {
    expect(callToHangUp(phone([call('gone', { state: 'ended' })]))).toBeUndefined();
  });
});

describe('ringing and missed calls', () => {
  it('finds calls that started and stopped ringing in', () => {
    const a = call('a', { state: 'incoming' });
    const b = call('b', { state: 'incoming' });
    expect(newlyIncoming(undefined, phone([a])).map((c) => c.id)).toEqual(['a']);
    expect(newlyIncoming(phone([a]), phone([a, b])).map((c) => c.id)).toEqual(['b']);
    expect(stoppedRinging(phone([a, b]), phone([{ ...a, state: 'active' }]))).toEqual(['a', 'b']);
  });

  it('counts inbound calls that ended unanswered, not declined or outbound ones', () => {
    const ended = { state: 'ended' as const };
    const calls = [
      call('missed', { ...ended, endCause: 'missed' }),
      call('cancelled', { ...ended, endCause: 'cancelled' }),
      call('declined', { ...ended, endCause: 'declined' }),
      call('talked', { ...ended, endCause: 'remote-hangup', answeredAt: 5 }),
      call('out', { ...ended, direction: 'outbound', endCause: 'no-answer' }),
      call('ringing', { state: 'incoming' }),
    ];
    expect(missedCalls(calls).map((c) => c.id)).toEqual(['missed', 'cancelled']);
  });
});

describe('badgeFor', () => {
  it('puts a problem before the missed calls', () => {
    const failed = phone([], { registration: { state: 'failed', since: 0 } });
    expect(badgeFor(failed, 3)).toMatchObject({ text: '!', title: 'badgeRegistrationProblem' });
    const reconnecting = phone([], {
      registration: { state: 'registering', failure: 'server-unreachable', since: 0 },
    });
    expect(badgeFor(reconnecting, 0).text).toBe('!');
    expect(badgeFor(phone([], { media: 'missing' }), 3).title).toBe('badgeMicrophoneProblem');
  });

  it('shows the missed calls, capped', () => {
    expect(badgeFor(phone([]), 4).text).toBe('4');
    expect(badgeFor(phone([]), 120).text).toBe('99+');
    expect(badgeFor(phone([]), 0).text).toBe('');
    expect(badgeFor(undefined, 0).text).toBe('');
  });
});
