/**
 * One call's state as an explicit machine over its published snapshot.
 *
 * ```
 *  outbound:  dialing ──progress──▶ ringing ──answered──▶ active
 *                │                     │                    │
 *  inbound:   incoming ──answered──────┼───────────────▶ active
 *                │                     │                    │
 *                └──────── ended ◀─────┴────────────────────┘
 *                   (busy, declined, not-found, no-answer, cancelled, missed,
 *                    local-hangup, remote-hangup, transferred, connection-lost,
 *                    microphone-unavailable, failed)
 * ```
 *
 * `dialing` may also go straight to `active` (a far end that answers without ringing).
 * Hold, mute and transfer are flags of `active`, not states: they never change where the
 * call is in its life. A hold is `holdPending` until the re-INVITE settles; `held` then
 * reflects the real outcome (a refused hold leaves the call active with `holdError`).
 * `ended` is final.
 */
import type { CallSnapshot, EndCause, TransferState } from '../protocol/phone-state.ts';

export type CallEvent =
  | { type: 'progress' }
  | { type: 'answered'; at: number }
  | { type: 'ended'; cause: EndCause; detail?: string; at: number }
  | { type: 'hold-requested'; held: boolean }
  | { type: 'hold-settled'; held: boolean; error?: string }
  | { type: 'remote-hold'; held: boolean }
  | { type: 'muted'; muted: boolean }
  | { type: 'transfer'; target: string; state: TransferState; detail?: string }
  | { type: 'dtmf-received'; tones: string };

/** Received DTMF kept per call, newest last. */
const DTMF_KEPT = 32;

/** The next snapshot, or null when the event is not allowed in the call's state. */
export function callTransition(call: CallSnapshot, event: CallEvent): CallSnapshot | null {
  if (call.state === 'ended') return null;
  const active = call.state === 'active';

  switch (event.type) {
    case 'progress':
      if (call.state !== 'dialing') return call.state === 'ringing' ? call : null;
      return { ...call, state: 'ringing' };
    case 'answered':
      return active ? null : { ...call, state: 'active', answeredAt: event.at };
    case 'ended':
      return endCall(call, event.cause, event.detail, event.at);
    case 'hold-requested':
      if (!active || call.holdPending || call.held === event.held) return null;
      return withoutHoldError({ ...call, holdPending: true });
    case 'hold-settled': {
      if (!active || !call.holdPending) return null;
      const next: CallSnapshot = { ...call, holdPending: false };
      if (event.error === undefined) return withoutHoldError({ ...next, held: event.held });
      return { ...next, holdError: event.error };
    }
    case 'remote-hold':
      if (!active) return null;
      return call.remoteHeld === event.held ? call : { ...call, remoteHeld: event.held };
    case 'muted':
      if (!active) return null;
      return call.muted === event.muted ? call : { ...call, muted: event.muted };
    case 'transfer':
      if (!active) return null;
      return { ...call, transfer: transferOf(event) };
    case 'dtmf-received':
      if (!active) return null;
      return { ...call, dtmfReceived: ((call.dtmfReceived ?? '') + event.tones).slice(-DTMF_KEPT) };
  }
}

function endCall(call: CallSnapshot, cause: EndCause, detail: string | undefined, at: number) {
  const next: CallSnapshot = { ...call, state: 'ended', endCause: cause, endedAt: at };
  next.holdPending = false;
  if (detail !== undefined) next.endDetail = detail;
  return next;
}

function withoutHoldError(call: CallSnapshot): CallSnapshot {
  const next = { ...call };
  delete next.holdError;
  return next;
}

function transferOf(event: Extract<CallEvent, { type: 'transfer' }>) {
  const transfer: NonNullable<CallSnapshot['transfer']> = {
    target: event.target,
    state: event.state,
  };
  if (event.detail !== undefined) transfer.detail = event.detail;
  return transfer;
}

/** A fresh call snapshot in its first state. */
export function newCall(init: {
  id: string;
  direction: CallSnapshot['direction'];
  remoteNumber: string;
  remoteName?: string;
  record?: CallSnapshot['record'];
  at: number;
}): CallSnapshot {
  const call: CallSnapshot = {
    id: init.id,
    direction: init.direction,
    state: init.direction === 'outbound' ? 'dialing' : 'incoming',
    remoteNumber: init.remoteNumber,
    muted: false,
    held: false,
    holdPending: false,
    remoteHeld: false,
    createdAt: init.at,
  };
  if (init.remoteName !== undefined) call.remoteName = init.remoteName;
  if (init.record !== undefined) call.record = init.record;
  return call;
}
