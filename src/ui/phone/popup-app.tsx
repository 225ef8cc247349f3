import { t } from '../i18n.ts';
import type { PhoneHub } from '../ports.ts';
import { ENDED_VISIBLE_MS } from './call-list.tsx';
import { PhoneView } from './phone-view.tsx';
import { useNow, usePhone } from './use-phone.ts';
import type { PhoneState } from './use-phone.ts';

/** Whether anything on screen changes with time: a running call or a fading outcome. */
export function needsClock(phone: PhoneState): boolean {
  const now = Date.now();
  return (phone.snapshot?.calls ?? []).some(
    (c) => c.state !== 'ended' || now - (c.endedAt ?? now) < ENDED_VISIBLE_MS,
  );
}

/** The toolbar popup: the phone connected to the hub. Opening it is seeing the missed calls. */
export function PopupApp({ hub }: { hub: PhoneHub }) {
  const phone = usePhone(hub, { marksMissedSeen: true });
  const now = useNow(needsClock(phone));
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      <PhoneView phone={phone} now={now} actions={hub} />
    </main>
  );
}
