import { useId, useState } from 'preact/hooks';
import { checkDialTarget } from '../dial-target.ts';
import { t } from '../i18n.ts';

interface Props {
  onTransfer: (target: string) => void;
  onClose: () => void;
}

/** Blind transfer in two steps: enter the target, then confirm it (a transfer cannot be undone). */
export function TransferForm({ onTransfer, onClose }: Props) {
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState<string>();

  if (confirming !== undefined) {
    return (
      <div class="transfer" role="group" aria-label={t('transferTitle')}>
        <p>{t('transferConfirm', confirming)}</p>
        <div class="row">
          <button type="button" class="primary" onClick={() => onTransfer(confirming)}>
            {t('transferConfirmYes')}
          </button>
          <button type="button" onClick={() => setConfirming(undefined)}>
            {t('transferChange')}
          </button>
        </div>
      </div>
    );
  }

  const submit = (event: Event) => {
    event.preventDefault();
    const check = checkDialTarget(value);
    if (check.ok) {
      setError('');
      setConfirming(check.target);
    } else {
      setError(t(check.reason === 'empty' ? 'dialErrorEmpty' : 'transferErrorTarget'));
    }
  };

  return (
    <form
      class="transfer"
      onSubmit={submit}
      noValidate
      aria-label={t('transferTitle')}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <label for={`${id}-t`}>{t('transferTargetLabel')}</label>
      <div class="row">
        <input
          id={`${id}-t`}
          type="text"
          inputMode="tel"
          autocomplete="off"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-e` : undefined}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <button type="submit">{t('transferSubmit')}</button>
        <button type="button" onClick={onClose}>
          {t('transferCancel')}
        </button>
      </div>
      {error && (
        <p id={`${id}-e`} class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
