import type { CallSnapshot } from '../../protocol/phone-state.ts';
import { t } from '../i18n.ts';
import { CallRow, type CommandSender } from './call-row.tsx';

/** How long an ended call stays on screen with its outcome. */
export const ENDED_VISIBLE_MS = 6000;

interface Props {
  calls: CallSnapshot[];
  now: number;
  onCommand: CommandSender;
}

export function visibleCalls(calls: CallSnapshot[], now: number): CallSnapshot[] {
  return calls.filter((c) => c.state !== 'ended' || now - (c.endedAt ?? now) < ENDED_VISIBLE_MS);
}

export function CallList({ calls, now, onCommand }: Props) {
  const shown = visibleCalls(calls, now);
  if (shown.length === 0) return null;
  return (
    <ul class="calls" aria-label={t('callListLabel')}>
      {shown.map((call) => (
        <CallRow key={call.id} call={call} now={now} onCommand={onCommand} />
      ))}
    </ul>
  );
}
