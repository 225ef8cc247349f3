import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n.ts';
import type { MicrophoneAccess } from '../ports.ts';

type Step = 'checking' | 'idle' | 'asking' | 'granted' | 'denied' | 'missing' | 'unavailable';

interface Props {
  mic: MicrophoneAccess;
  /** This extension's origin, e.g. `chrome-extension://<id>`, to find it in Chrome's list. */
  origin: string;
}

/**
 * Asks for the microphone once, from a visible extension page: the offscreen document that
 * runs the phone can never show a prompt itself, but it inherits a grant stored for the
 * extension's origin (shared reference notes, Chromium §4.4).
 */
export function OnboardingView({ mic, origin }: Props) {
  const [step, setStep] = useState<Step>('checking');
  const result = useRef<HTMLDivElement>(null);

  const granted = () => {
    setStep('granted');
    mic.reportGranted().catch(() => undefined); // the engine also checks on its next call
  };

  useEffect(() => {
    mic.state().then(
      (state) => {
        if (state === 'granted') granted();
        else setStep(state === 'denied' ? 'denied' : 'idle');
      },
      () => setStep('idle'),
    );
  }, [mic]);

  useEffect(() => {
    if (step !== 'asking' && step !== 'checking' && step !== 'idle') result.current?.focus();
  }, [step]);

  const ask = async () => {
    setStep('asking');
    const outcome = await mic.request();
    if (outcome === 'granted') granted();
    else setStep(outcome);
  };

  return (
    <main class="page onboarding">
      <h1>{t('onboardingTitle')}</h1>
      <p>{t('onboardingWhy')}</p>
      <p>{t('onboardingOnce')}</p>

      {(step === 'idle' || step === 'asking') && (
        <button
          type="button"
          class="primary"
          disabled={step === 'asking'}
          onClick={() => void ask()}
        >
          {t('onboardingAllow')}
        </button>
      )}
      {step === 'asking' && <p role="status">{t('onboardingAsking')}</p>}

      <div ref={result} tabIndex={-1} role="status" class="result">
        {step === 'granted' && <p class="ok">{t('onboardingGranted')}</p>}
        {step === 'missing' && <p>{t('onboardingMissing')}</p>}
        {step === 'unavailable' && <p>{t('onboardingUnavailable')}</p>}
        {step === 'denied' && <Denied origin={origin} onOpen={mic.openSiteSettings} />}
      </div>

      {(step === 'denied' || step === 'missing' || step === 'unavailable') && (
        <button type="button" onClick={() => void ask()}>
          {t('onboardingRetry')}
        </button>
      )}
    </main>
  );
}

function Denied({ origin, onOpen }: { origin: string; onOpen: () => void }) {
  return (
    <div>
      <p>{t('onboardingDenied')}</p>
      <ol>
        <li>
          {t('onboardingDeniedStep1')} <code>chrome://settings/content/microphone</code>
        </li>
        <li>{t('onboardingDeniedStep2', t('extName'), origin)}</li>
        <li>{t('onboardingDeniedStep3')}</li>
      </ol>
      <button type="button" onClick={onOpen}>
        {t('onboardingOpenSettings')}
      </button>
    </div>
  );
}
