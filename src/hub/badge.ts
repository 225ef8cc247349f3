/**
 * The toolbar badge: a registration or microphone problem first, else the missed calls.
 */
import { t } from '../core/i18n.ts';
import {
  isReconnecting,
  microphoneNeedsSetup,
  type PhoneSnapshot,
  type RegistrationSnapshot,
} from '../protocol/phone-state.ts';

export interface Badge {
  text: string;
  color: string;
  title: string;
}

const PROBLEM = '#c5221f';
const MISSED = '#b06000';

export function badgeFor(snapshot: PhoneSnapshot | undefined, missed: number): Badge {
  const reg = snapshot?.registration;
  if (reg && (reg.state === 'failed' || reg.failure !== undefined)) {
    return { text: '!', color: PROBLEM, title: t(registrationProblem(reg)) };
  }
  if (microphoneNeedsSetup(snapshot?.media)) {
    return { text: '!', color: PROBLEM, title: t('badgeMicrophoneProblem') };
  }
  if (missed > 0) {
    const text = missed > 99 ? '99+' : String(missed);
    const title = missed === 1 ? t('badgeOneMissedCall') : t('badgeMissedCalls', String(missed));
    return { text, color: MISSED, title };
  }
  return { text: '', color: MISSED, title: t('extName') };
}

/** A lost connection being retried is no reason to send the agent to the settings. */
function registrationProblem(reg: RegistrationSnapshot): string {
  if (reg.failure === 'no-account') return 'badgeNoAccount';
  return isReconnecting(reg) ? 'badgeReconnecting' : 'badgeRegistrationProblem';
}

export async function showBadge(badge: Badge): Promise<void> {
  await Promise.all([
    chrome.action.setBadgeText({ text: badge.text }),
    chrome.action.setBadgeBackgroundColor({ color: badge.color }),
    chrome.action.setTitle({ title: badge.title }),
  ]);
}
