import {
  isReconnecting,
  type MediaStatus,
  type RegistrationFailure,
  type RegistrationSnapshot,
} from '../../protocol/phone-state.ts';
import { t, uiLanguage } from '../i18n.ts';
import { describeAccountProblems } from '../shared/account-problems.ts';
import { registrationDetail } from '../shared/registration-detail.ts';

interface Props {
  registration: RegistrationSnapshot;
  media: MediaStatus;
  onOpenOptions: () => void;
  onOpenOnboarding: () => void;
}

const FAILURE_KEYS: Record<RegistrationFailure, string> = {
  'credentials-rejected': 'regFailCredentials',
  'server-unreachable': 'regFailUnreachable',
  'server-error': 'regFailServer',
  'invalid-settings': 'regFailSettings',
  'no-account': 'regNoAccountHint',
};

const MEDIA_KEYS: Record<MediaStatus, { text: string; action: string } | undefined> = {
  unknown: undefined,
  ok: undefined,
  'not-yet-allowed': { text: 'mediaNotYetAllowed', action: 'mediaAllow' },
  blocked: { text: 'mediaBlocked', action: 'mediaAllow' },
  missing: { text: 'mediaMissing', action: 'mediaCheck' },
};

function headline(registration: RegistrationSnapshot): string {
  const { state, failure } = registration;
  if (state === 'registered') return t('regRegistered');
  if (isReconnecting(registration)) return t('regReconnecting');
  // A retry after a failure is not connected either: the headline holds between attempts.
  if (state === 'failed' || (state === 'registering' && failure)) return t('regFailed');
  if (state === 'registering') return t('regRegistering');
  if (failure === 'no-account') return t('regNoAccount');
  return t('regUnregistered');
}

/** When the engine tries again by itself: at a clock time, as the view does not tick. */
function nextAttempt({ state, failure, retryAt }: RegistrationSnapshot): string | undefined {
  if (state === 'registering' && failure) return t('regTryingNow');
  if (state !== 'failed' || retryAt === undefined) return undefined;
  const time = new Intl.DateTimeFormat(uiLanguage(), { timeStyle: 'medium' }).format(retryAt);
  return t('regNextAttempt', time);
}

/** Whether the phone can take calls, and when not, what the agent can do about it. */
export function RegistrationStatus({
  registration,
  media,
  onOpenOptions,
  onOpenOnboarding,
}: Props) {
  const { state, failure, problems } = registration;
  const detail = registrationDetail(registration);
  const retry = nextAttempt(registration);
  // A lost connection comes back by itself: the settings are not what to check.
  const reconnecting = isReconnecting(registration);
  const advice = reconnecting ? 'regReconnectingHint' : failure && FAILURE_KEYS[failure];
  const needsOptions = !reconnecting && failure !== undefined && failure !== 'server-error';
  const mediaKeys = MEDIA_KEYS[media];

  return (
    <section class={`status status-${state}`} aria-label={t('regSectionLabel')}>
      <p class="headline">
        <span class="dot" aria-hidden="true" />
        {headline(registration)}
      </p>
      {advice && <p>{t(advice)}</p>}
      {retry && <p>{retry}</p>}
      {failure && detail && <p class="detail">{t('regDetail', detail)}</p>}
      {failure && problems && problems.length > 0 && (
        <ul class="detail" aria-label={t('regProblemsLabel')}>
          {describeAccountProblems(problems).map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {needsOptions && (
        <button type="button" onClick={onOpenOptions}>
          {t(failure === 'no-account' ? 'regSetUpAccount' : 'regOpenOptions')}
        </button>
      )}
      {mediaKeys && (
        <div class="media-problem">
          <p>{t(mediaKeys.text)}</p>
          <button type="button" onClick={onOpenOnboarding}>
            {t(mediaKeys.action)}
          </button>
        </div>
      )}
    </section>
  );
}
