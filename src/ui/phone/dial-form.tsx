import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { checkDialTarget } from '../dial-target.ts';
import { t } from '../i18n.ts';
import { Keypad } from './keypad.tsx';

interface Props {
  /** Resolves when the hub accepted the call; a rejection's message is shown. */
  onDial: (target: string) => Promise<void>;
  /** Keypad folded away: the dock, and the popup while a call is up. */
  compact?: boolean;
  /**
   * Registration and microphone in a word: a refusal shown before no longer holds once it
   * changes.
   */
  phoneState?: string;
}

const REASON_KEYS = {
  empty: 'dialErrorEmpty',
  characters: 'dialErrorCharacters',
  plus: 'dialErrorPlus',
  uri: 'dialErrorUri',
  length: 'dialErrorLength',
} as const;

/** Number entry: Enter or the Call button dials; bad input gets a message and stays. */
export function DialForm({ onDial, compact, phoneState }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [padOpen, setPadOpen] = useState(!compact);

  // The pad follows the layout when it changes: a call starting folds it, so digits meant as
  // tones go to the call's own keypad, not into a new number by surprise.
  useEffect(() => setPadOpen(!compact), [compact]);
  useEffect(() => setError(''), [phoneState]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const check = checkDialTarget(value);
    if (!check.ok) {
      setError(t(REASON_KEYS[check.reason]));
      input.current?.focus();
      return;
    }

    setBusy(true);
    setError('');
    try {
      await onDial(check.target);
      setValue('');
    } catch (failure) {
      setError(t('dialErrorHub', failure instanceof Error ? failure.message : String(failure)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="dial" onSubmit={(e) => void submit(e)} noValidate>
      <label for={`${id}-n`}>{t('dialLabel')}</label>
      <div class="row">
        <input
          id={`${id}-n`}
          ref={input}
          type="text"
          inputMode="tel"
          autocomplete="off"
          spellcheck={false}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-e` : undefined}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={busy}>
          {t('dialCall')}
        </button>
      </div>
      {error && (
        <p id={`${id}-e`} class="error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        class="link"
        aria-expanded={padOpen}
        onClick={() => setPadOpen(!padOpen)}
      >
        {t(padOpen ? 'dialHideKeypad' : 'dialShowKeypad')}
      </button>
      {padOpen && <Keypad label={t('dialKeypad')} onKey={(key) => setValue((v) => v + key)} />}
    </form>
  );
}
