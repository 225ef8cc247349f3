import { describe, expect, it, vi } from 'vitest';
import { newCall } from './call-machine.ts';
import { applyTrackSwitches, trackSwitches } from './media-tracks.ts';

const active = newCall({ id: 'c', direction: 'outbound', remoteNumber: '1', at: 0 });
active.state = 'active';

describe('trackSwitches', () => {
  it('opens both ways for a plain active call, neither before it is answered', () => {
    expect(trackSwitches(active, false)).toEqual({ send: true, receive: true });
    expect(trackSwitches({ ...active, state: 'ringing' }, false)).toEqual({
      send: false,
      receive: false,
    });
  });

  it('closes both ways while held and while a hold is in flight', () => {
    const off = { send: false, receive: false };
    expect(trackSwitches({ ...active, held: true }, false)).toEqual(off);
    expect(trackSwitches({ ...active, holdPending: true }, true)).toEqual(off);
    // A resume in flight stays silent until it is accepted.
    expect(trackSwitches({ ...active, held: true, holdPending: true }, false)).toEqual(off);
  });

  it('keeps sending off for a muted call, also once it is resumed still muted', () => {
    expect(trackSwitches({ ...active, muted: true }, false)).toEqual({
      send: false,
      receive: true,
    });
    expect(trackSwitches({ ...active, muted: false, held: true }, false).send).toBe(false);
  });

  it('stops sending while the far end holds, and still receives its music', () => {
    expect(trackSwitches({ ...active, remoteHeld: true }, false)).toEqual({
      send: false,
      receive: true,
    });
  });
});

describe('applyTrackSwitches', () => {
  it('sets both switches where the handler has them, and skips what it lacks', () => {
    const web = { enableSenderTracks: vi.fn(), enableReceiverTracks: vi.fn() };
    applyTrackSwitches(web, { send: false, receive: true });
    expect(web.enableSenderTracks).toHaveBeenCalledWith(false);
    expect(web.enableReceiverTracks).toHaveBeenCalledWith(true);

    const senderOnly = { enableSenderTracks: vi.fn() };
    applyTrackSwitches(senderOnly, { send: true, receive: false });
    expect(senderOnly.enableSenderTracks).toHaveBeenCalledWith(true);
    expect(() => applyTrackSwitches(undefined, { send: true, receive: true })).not.toThrow();
  });
});
