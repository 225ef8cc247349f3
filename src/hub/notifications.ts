/**
 * Desktop notifications for calls ringing in, with Answer and Decline buttons. The handlers
 * are plain exported functions: headless Chromium cannot click a notification, so tests call
 * them directly.
 */
import { t } from '../core/i18n.ts';
import { createLogger } from '../core/logger.ts';
import type { CallSnapshot } from '../protocol/phone-state.ts';
import { engine } from './engine.ts';

const log = createLogger('hub:notify');
const PREFIX = 'call:';

export const notificationId = (callId: string) => PREFIX + callId;

export async function showIncomingCall(call: CallSnapshot): Promise<void> {
  // Notifications render plain text, so the caller's untrusted display name is safe here.
  const who = call.remoteName ? `${call.remoteName} (${call.remoteNumber})` : call.remoteNumber;
  await chrome.notifications.create(notificationId(call.id), {
    type: 'basic',
    iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
    title: t('notifyIncomingTitle'),
    message: who || t('notifyUnknownCaller'),
    buttons: [{ title: t('notifyAnswer') }, { title: t('notifyDecline') }],
    requireInteraction: true,
    priority: 2,
  });
}

/**
 * Why a call from a page's control was not placed (no account, login refused, no microphone):
 * the control itself only turns red. One at a time; a newer one replaces it.
 */
export async function showDialFailure(reason: string): Promise<void> {
  await chrome.notifications
    .create('dial-failed', {
      type: 'basic',
      iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
      title: t('notifyDialFailedTitle'),
      message: reason,
      priority: 1,
    })
    .catch((error: unknown) => log.warn('could not show why a call failed', error));
}

export async function clearCallNotification(callId: string): Promise<void> {
  await chrome.notifications.clear(notificationId(callId));
}

/** Button 0 answers the call, button 1 declines it. */
export async function onNotificationButton(id: string, buttonIndex: number): Promise<void> {
  if (!id.startsWith(PREFIX)) return;
  const callId = id.slice(PREFIX.length);
  await clearCallNotification(callId);

  if (buttonIndex === 0) await engine.send('call.answer', { callId });
  else if (buttonIndex === 1) await engine.send('call.decline', { callId });
  else log.warn(`unknown notification button ${buttonIndex}`);
}
