/** Catalogue keys for a call's state and outcome. */
import type { CallSnapshot, EndCause, TransferState } from '../../protocol/phone-state.ts';
import { formatDuration } from '../format.ts';
import { t } from '../i18n.ts';

const END_KEYS: Record<EndCause, string> = {
  'local-hangup': 'callEndLocalHangup',
  'remote-hangup': 'callEndRemoteHangup',
  busy: 'callEndBusy',
  declined: 'callEndDeclined',
  'not-found': 'callEndNotFound',
  'no-answer': 'callEndNoAnswer',
  cancelled: 'callEndCancelled',
  missed: 'callEndMissed',
  transferred: 'callEndTransferred',
  'connection-lost': 'callEndConnectionLost',
  'microphone-unavailable': 'callEndMicrophone',
  failed: 'callEndFailed',
};

const TRANSFER_KEYS: Record<TransferState, string> = {
  pending: 'transferPending',
  accepted: 'transferAccepted',
  succeeded: 'transferSucceeded',
  failed: 'transferFailed',
};

export function endLabel(cause: EndCause | undefined): string {
  return t(cause ? END_KEYS[cause] : 'callStateEnded');
}

/** What the call is doing now, with the talk time once answered. */
export function stateLabel(call: CallSnapshot, now: number): string {
  switch (call.state) {
    case 'dialing':
      return t('callStateDialing');
    case 'ringing':
      return t('callStateRinging');
    case 'incoming':
      return t('callStateIncoming');
    case 'ended':
      return endLabel(call.endCause);
    case 'active': {
      const key = call.held ? 'callStateHeld' : 'callStateActive';
      return t(key, formatDuration(now - (call.answeredAt ?? now)));
    }
  }
}

export function transferLabel(call: CallSnapshot): string | undefined {
  return call.transfer && t(TRANSFER_KEYS[call.transfer.state], call.transfer.target);
}

/** The name to speak or show for the far end: its display name, else its number. */
export function remoteLabel(call: CallSnapshot): string {
  return call.remoteName?.trim() || call.remoteNumber || t('callUnknownNumber');
}
