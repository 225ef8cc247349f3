import { useState } from 'preact/hooks';
import type { CallSnapshot } from '../../protocol/phone-state.ts';
import type { CallCommandName, Request } from '../../protocol/channel.ts';
import { t } from '../i18n.ts';
import { ClippedText } from '../shared/clipped-text.tsx';
import { remoteLabel, stateLabel, transferLabel } from './call-labels.ts';
import { HoldNotice } from './hold-notice.tsx';
import { Keypad } from './keypad.tsx';
import { TransferForm } from './transfer-form.tsx';

export type CommandSender = <K extends CallCommandName>(
  name: K,
  payload: Request<K>,
) => Promise<void>;

interface Props {
  call: CallSnapshot;
  /** Epoch ms, ticking once a second while a call is up; drives the timer. */
  now: number;
  onCommand: CommandSender;
}

type Panel = 'none' | 'keypad' | 'transfer';

/** One call: who, what state, and the controls that make sense in that state. */
export function CallRow({ call, now, onCommand }: Props) {
  const [panel, setPanel] = useState<Panel>('none');
  const [error, setError] = useState('');
  const callId = call.id;

  const run = <K extends CallCommandName>(name: K, payload: Request<K>) => {
    setError('');
    onCommand(name, payload).catch((failure: unknown) => {
      setError(
        t('callCommandFailed', failure instanceof Error ? failure.message : String(failure)),
      );
    });
  };
  const toggle = (next: Panel) => setPanel(panel === next ? 'none' : next);
  const name = remoteLabel(call);
  const transfer = transferLabel(call);

  return (
    <li class={`call call-${call.state}`} aria-label={t('callWith', name)}>
      <div class="who">
        <ClippedText class="name" text={name} />
        {call.remoteName && <ClippedText class="number" text={call.remoteNumber} max={40} />}
      </div>
      <p class="state">{stateLabel(call, now)}</p>
      {transfer && <p class="note">{transfer}</p>}
      <HoldNotice call={call} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}

      <div class="controls">
        {call.state === 'incoming' && (
          <>
            <button class="primary" onClick={() => run('call.answer', { callId })}>
              {t('callAnswer')}
            </button>
            <button class="danger" onClick={() => run('call.decline', { callId })}>
              {t('callDecline')}
            </button>
          </>
        )}
        {(call.state === 'dialing' || call.state === 'ringing') && (
          <button class="danger" onClick={() => run('call.hangup', { callId })}>
            {t('callCancel')}
          </button>
        )}
        {call.state === 'active' && (
          <>
            <button
              aria-pressed={call.muted}
              onClick={() => run('call.mute', { callId, muted: !call.muted })}
            >
              {t(call.muted ? 'callUnmute' : 'callMute')}
            </button>
            <button
              aria-pressed={call.held}
              disabled={call.holdPending}
              onClick={() => run('call.hold', { callId, held: !call.held })}
            >
              {t(holdKey(call))}
            </button>
            <button aria-expanded={panel === 'keypad'} onClick={() => toggle('keypad')}>
              {t('callKeypad')}
            </button>
            <button aria-expanded={panel === 'transfer'} onClick={() => toggle('transfer')}>
              {t('callTransfer')}
            </button>
            <button class="danger" onClick={() => run('call.hangup', { callId })}>
              {t('callHangup')}
            </button>
          </>
        )}
      </div>

      {call.state === 'active' && panel === 'keypad' && (
        <Keypad label={t('callTones')} onKey={(tones) => run('call.dtmf', { callId, tones })} />
      )}
      {call.state === 'active' && panel === 'transfer' && (
        <TransferForm
          onClose={() => setPanel('none')}
          onTransfer={(target) => {
            setPanel('none');
            run('call.transfer', { callId, target });
          }}
        />
      )}
    </li>
  );
}

function holdKey(call: CallSnapshot): string {
  if (call.holdPending) return call.held ? 'callResuming' : 'callHolding';
  return call.held ? 'callResume' : 'callHold';
}
