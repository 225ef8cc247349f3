/**
 * What a screen reader should hear when the phone changes: an incoming call, a call that
 * connects or ends, registration gained or lost. Everything else is silent, so the region
 * never chatters with timer ticks.
 */
import type { PhoneSnapshot } from '../../protocol/phone-state.ts';
import { t } from '../i18n.ts';
import { endLabel, remoteLabel } from './call-labels.ts';

export interface Announcement {
  text: string;
  /** Interrupts what the reader is saying (an incoming call). */
  urgent: boolean;
}

export function announce(
  prev: PhoneSnapshot | undefined,
  next: PhoneSnapshot,
): Announcement | undefined {
  const before = new Map(prev?.calls.map((c) => [c.id, c]));

  for (const call of next.calls) {
    const old = before.get(call.id);
    if (old?.state === call.state) continue;
    const who = remoteLabel(call);
    if (call.state === 'incoming') return { text: t('announceIncoming', who), urgent: true };
    if (call.state === 'active' && old) return { text: t('announceConnected', who), urgent: false };
    if (call.state === 'ended' && old) {
      return { text: t('announceEnded', who, endLabel(call.endCause)), urgent: false };
    }
  }

  const was = prev?.registration.state;
  const is = next.registration.state;
  if (was === undefined || was === is) return undefined;
  if (is === 'registered') return { text: t('regRegistered'), urgent: false };
  if (was === 'registered') return { text: t('announceRegistrationLost'), urgent: false };
  return undefined;
}
