import type { CallSnapshot } from '../../protocol/phone-state.ts';
import { t } from '../i18n.ts';

/**
 * A failed hold or resume leaves the media as it was (case C04): say which way it failed and
 * what the other side can hear, so the agent does not trust a button that did not work.
 */
export function HoldNotice({ call }: { call: CallSnapshot }) {
  if (!call.holdError || call.holdPending) return null;
  return (
    <p class="error" role="alert">
      {t(call.held ? 'callResumeFailed' : 'callHoldFailed')}{' '}
      <span class="detail">{call.holdError}</span>
    </p>
  );
}
