import type {
  MediaStatus,
  RegistrationFailure,
  RegistrationSnapshot,
} from '../../protocol/phone-state.ts';
import { t } from '../i18n.ts';
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

function headline({ state, failure }: RegistrationSnapshot): string {
  if (state === 'registered') return t('regRegistered');
  if (state === 'failed') return t('regFailed');
  if (state === 'registering') return t(failure ? 'regReconnecting' : 'regRegistering');
  if (failure === 'no-account') return t('regNoAccount');
  return t('regUnregistered');
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
  const advice = failure && FAILURE_KEYS[failure];
  // A retry in progress needs no action; a stopped phone with fixable settings does.
  const needsOptions =
    state !== 'registering' && failure !== undefined && failure !== 'server-error';
  const mediaKeys = MEDIA_KEYS[media];

  return (
    <section class={`status status-${state}`} aria-label={t('regSectionLabel')}>
      <p class="headline">
        <span class="dot" aria-hidden="true" />
        {headline(registration)}
      </p>
      {advice && <p>{t(advice)}</p>}
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
