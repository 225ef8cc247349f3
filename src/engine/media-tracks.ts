/**
 * Whether a call's microphone reaches the far end and whether its audio reaches us. SDP
 * direction alone (RFC 3264 section 8.4) is not enough: a hold offer is `sendonly`, so our
 * microphone would keep flowing, and a far end may keep sending whatever it answered. So the
 * tracks follow the call's flags as well, and mute, hold and remote hold compose:
 *
 * - send when active, not muted, not held, no hold in flight and not held by the far end;
 * - receive when active, not held and no hold in flight (a remote hold keeps its music).
 *
 * A hold in flight already silences both ways; a refused hold turns them back on.
 */
import type { CallSnapshot } from '../protocol/phone-state.ts';

export interface TrackSwitches {
  send: boolean;
  receive: boolean;
}

/** `holding`: a hold (not a resume) re-INVITE is in flight. */
export function trackSwitches(call: CallSnapshot, holding: boolean): TrackSwitches {
  const open = call.state === 'active' && !call.held && !holding;
  return { send: open && !call.muted && !call.remoteHeld, receive: open };
}

/** sip.js's Web handler has both switches; the Node handler may lack them. */
interface Switchable {
  enableSenderTracks?: (enable: boolean) => void;
  enableReceiverTracks?: (enable: boolean) => void;
}

/** Sets the handler's tracks; throws only what the handler throws (a closed connection). */
export function applyTrackSwitches(handler: unknown, switches: TrackSwitches): void {
  if (typeof handler !== 'object' || handler === null) return;
  const target = handler as Switchable;
  if (typeof target.enableSenderTracks === 'function') target.enableSenderTracks(switches.send);
  if (typeof target.enableReceiverTracks === 'function') {
    target.enableReceiverTracks(switches.receive);
  }
}
