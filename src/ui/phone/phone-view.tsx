import { t } from '../i18n.ts';
import type { PhoneHub } from '../ports.ts';
import { CallList, visibleCalls } from './call-list.tsx';
import { DialForm } from './dial-form.tsx';
import { LiveRegion } from './live-region.tsx';
import { RegistrationStatus } from './registration-status.tsx';
import type { PhoneState } from './use-phone.ts';

export type PhoneActions = Pick<PhoneHub, 'dial' | 'command' | 'openOptions' | 'openOnboarding'>;

interface Props {
  phone: PhoneState;
  now: number;
  actions: PhoneActions;
  /** The dock's layout: keypad folded away until asked for. */
  compact?: boolean;
}

/** The softphone itself, shared by the popup and the dock. */
export function PhoneView({ phone, now, actions, compact }: Props) {
  const { snapshot, missed, announcement, error } = phone;

  if (!snapshot) {
    return (
      <div class="phone">
        <p class={error ? 'error' : 'muted'} role={error ? 'alert' : 'status'}>
          {error ? t('phoneUnreachable', error) : t('phoneLoading')}
        </p>
      </div>
    );
  }

  const calls = visibleCalls(snapshot.calls, now);
  const { registration, media } = snapshot;
  return (
    <div class={compact ? 'phone compact' : 'phone'}>
      <LiveRegion message={announcement} />
      <RegistrationStatus
        registration={registration}
        media={media}
        onOpenOptions={actions.openOptions}
        onOpenOnboarding={actions.openOnboarding}
      />
      <CallList calls={calls} now={now} onCommand={actions.command} />
      <DialForm
        onDial={actions.dial}
        compact={compact || calls.length > 0}
        phoneState={`${registration.state} ${registration.failure ?? ''} ${media}`}
      />
      {missed > 0 && <p class="missed">{t('phoneMissed', missed)}</p>}
    </div>
  );
}
