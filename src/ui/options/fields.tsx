/**
 * Labelled form controls for the options page. Each shows its hint, its validation message
 * (linked by aria-describedby) and, when admin policy sets the value, is disabled with
 * "Set by your administrator".
 */
import type { ComponentChildren } from 'preact';
import { t } from '../i18n.ts';
import { fieldId } from './draft.ts';

interface Common {
  /** Field path, e.g. `sipServer`; also the key of its message in `errors`. */
  path: string;
  label: string;
  hint?: string;
  error?: string;
  locked?: boolean;
}

function describedBy({ path, hint, error, locked }: Common): string | undefined {
  const id = fieldId(path);
  const parts = [error && `${id}-error`, locked && `${id}-locked`, hint && `${id}-hint`];
  return parts.filter(Boolean).join(' ') || undefined;
}

function Notes({ path, hint, error, locked }: Common) {
  const id = fieldId(path);
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {locked && (
        <p id={`${id}-locked`} class="locked">
          {t('optionsLocked')}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="error">
          {error}
        </p>
      )}
    </>
  );
}

function Shell(props: Common & { children: ComponentChildren }) {
  return (
    <div class={props.locked ? 'field is-locked' : 'field'}>
      <label for={fieldId(props.path)}>{props.label}</label>
      {props.children}
      <Notes {...props} />
    </div>
  );
}

interface TextProps extends Common {
  value: string;
  onInput: (value: string) => void;
  secret?: boolean;
  inputMode?: 'text' | 'numeric' | 'url' | 'tel';
  multiline?: boolean;
  placeholder?: string;
  autocomplete?: string;
}

export function TextField(props: TextProps) {
  const shared = {
    id: fieldId(props.path),
    value: props.value,
    disabled: props.locked,
    placeholder: props.placeholder,
    spellcheck: false,
    autocomplete: props.autocomplete ?? 'off',
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy(props),
    onInput: (e: { currentTarget: { value: string } }) => props.onInput(e.currentTarget.value),
  };
  let control;
  if (props.multiline) control = <textarea {...shared} rows={3} />;
  else if (props.secret) control = <input {...shared} type="password" />;
  else control = <input {...shared} type="text" inputMode={props.inputMode} />;
  return <Shell {...props}>{control}</Shell>;
}

interface SelectProps extends Common {
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}

export function SelectField(props: SelectProps) {
  return (
    <Shell {...props}>
      <select
        id={fieldId(props.path)}
        value={props.value}
        disabled={props.locked}
        aria-describedby={describedBy(props)}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

interface CheckProps extends Omit<Common, 'error'> {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckField(props: CheckProps) {
  return (
    <div class={props.locked ? 'field check is-locked' : 'field check'}>
      <label class="row">
        <input
          id={fieldId(props.path)}
          type="checkbox"
          checked={props.checked}
          disabled={props.locked}
          aria-describedby={describedBy(props)}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        {props.label}
      </label>
      <Notes {...props} />
    </div>
  );
}

interface SecretProps extends Common {
  value: string;
  /** Whether a value is stored; the value itself never reaches the page. */
  stored: boolean;
  onInput: (value: string) => void;
  /** Whether the stored value goes on the next save, and the agent's choice. */
  forget: boolean;
  onForget: (forget: boolean) => void;
}

/**
 * Write-only: shows whether a secret is stored, never the secret; empty keeps it, unless the
 * agent ticks its removal.
 */
export function SecretField({ forget, onForget, ...props }: SecretProps) {
  const state = t(props.stored ? 'optionsSecretSet' : 'optionsSecretNotSet');
  return (
    <>
      <TextField
        {...props}
        secret
        autocomplete="new-password"
        hint={props.locked ? undefined : state}
      />
      {props.stored && !props.locked && (
        <label class="row forget">
          <input
            type="checkbox"
            checked={forget}
            onChange={(e) => onForget(e.currentTarget.checked)}
          />
          {t('optionsSecretForget', props.label)}
        </label>
      )}
    </>
  );
}
