import { KEYPAD_KEYS, isKeypadKey, type KeypadKey } from '../dial-target.ts';

interface Props {
  /** Accessible name of the group, e.g. "Keypad" or "Send tones". */
  label: string;
  onKey: (key: KeypadKey) => void;
  disabled?: boolean;
}

/**
 * Twelve real buttons in phone layout. With focus inside the pad, typing a keypad key
 * presses it, so keyboard users need not tab through the grid.
 */
export function Keypad({ label, onKey, disabled }: Props) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (disabled || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!isKeypadKey(event.key)) return;
    event.preventDefault();
    onKey(event.key);
  };

  return (
    <div class="keypad" role="group" aria-label={label} onKeyDown={onKeyDown}>
      {KEYPAD_KEYS.map((key) => (
        <button type="button" key={key} disabled={disabled} onClick={() => onKey(key)}>
          {key}
        </button>
      ))}
    </div>
  );
}
