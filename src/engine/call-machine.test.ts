import { describe, expect, it } from 'vitest';
import type { CallSnapshot } from '../protocol/phone-state.ts';
import { callTransition as next, newCall } from './call-machine.ts';

const outbound = newCall({ id: 'a', direction: 'outbound', remoteNumber: '+4930123', at: 1 });
const inbound = newCall({ id: 'b', direction: 'inbound', remoteNumber: 'bob', at: 1 });
const active: CallSnapshot = { ...outbound, state: 'active', answeredAt: 2 };

describe('callTransition', () => {
  it('starts outbound calls dialing and inbound calls incoming', () => {
    expect(outbound.state).toBe('dialing');
    expect(inbound.state).toBe('incoming');
    expect(inbound).toMatchObject({
      muted: false,
      held: false,
      holdPending: false,
      remoteHeld: false,
    });
  });

  it('walks dialing -> ringing -> active -> ended with timestamps and cause', () => {
    const ringing = next(outbound, { type: 'progress' });
    expect(ringing?.state).toBe('ringing');
    const answered = ringing && next(ringing, { type: 'answered', at: 5 });
    expect(answered).toMatchObject({ state: 'active', answeredAt: 5 });
    const ended = answered && next(answered, { type: 'ended', cause: 'remote-hangup', at: 9 });
    expect(ended).toMatchObject({ state: 'ended', endCause: 'remote-hangup', endedAt: 9 });
  });

  it('lets a call be answered without ringing first, and an inbound call be answered', () => {
    expect(next(outbound, { type: 'answered', at: 3 })?.state).toBe('active');
    expect(next(inbound, { type: 'answered', at: 3 })?.state).toBe('active');
  });

  it('keeps the SIP detail with the end cause', () => {
    const busy = next(outbound, { type: 'ended', cause: 'busy', detail: '486 Busy Here', at: 4 });
    expect(busy).toMatchObject({ endCause: 'busy', endDetail: '486 Busy Here' });
  });

  it('treats ended as final', () => {
    const ended = next(active, { type: 'ended', cause: 'local-hangup', at: 3 });
    expect(ended).not.toBeNull();
    if (!ended) return;
    expect(next(ended, { type: 'answered', at: 4 })).toBeNull();
    expect(next(ended, { type: 'ended', cause: 'failed', at: 4 })).toBeNull();
    expect(next(ended, { type: 'hold-requested', held: true })).toBeNull();
  });

  it('refuses progress and answer where they cannot happen', () => {
    expect(next(inbound, { type: 'progress' })).toBeNull();
    expect(next(active, { type: 'progress' })).toBeNull();
    expect(next(active, { type: 'answered', at: 3 })).toBeNull();
  });

  it('marks a hold pending and sets held only when it succeeded', () => {
    const pending = next(active, { type: 'hold-requested', held: true });
    expect(pending).toMatchObject({ holdPending: true, held: false });
    if (!pending) return;
    expect(next(pending, { type: 'hold-requested', held: true })).toBeNull();
    expect(next(pending, { type: 'hold-settled', held: true })).toMatchObject({
      held: true,
      holdPending: false,
    });
  });

  it('leaves a refused hold active, with its error, and lets it be tried again (C04)', () => {
    const pending = next(active, { type: 'hold-requested', held: true });
    const failed =
      pending && next(pending, { type: 'hold-settled', held: true, error: '408 Request Timeout' });
    expect(failed).toMatchObject({
      state: 'active',
      held: false,
      holdPending: false,
      holdError: '408 Request Timeout',
    });
    const again = failed && next(failed, { type: 'hold-requested', held: true });
    expect(again).toMatchObject({ holdPending: true });
    expect(again?.holdError).toBeUndefined();
  });

  it('allows hold, mute, transfer and DTMF only while active', () => {
    expect(next(outbound, { type: 'hold-requested', held: true })).toBeNull();
    expect(next(inbound, { type: 'muted', muted: true })).toBeNull();
    expect(next(outbound, { type: 'transfer', target: 'x', state: 'pending' })).toBeNull();
    expect(next(active, { type: 'muted', muted: true })?.muted).toBe(true);
    expect(next(active, { type: 'transfer', target: '200', state: 'accepted' })?.transfer).toEqual({
      target: '200',
      state: 'accepted',
    });
  });

  it('keeps the last 32 received DTMF digits', () => {
    let call: CallSnapshot | null = active;
    for (let i = 0; i < 40; i++)
      call = call && next(call, { type: 'dtmf-received', tones: String(i % 10) });
    expect(call?.dtmfReceived).toHaveLength(32);
    expect(call?.dtmfReceived?.endsWith('789')).toBe(true);
  });

  it('returns the same snapshot when nothing changes', () => {
    expect(next(active, { type: 'remote-hold', held: false })).toBe(active);
    expect(next(active, { type: 'muted', muted: false })).toBe(active);
  });
});
