import { useId, useState } from 'preact/hooks';
import { safeUrl } from '../format.ts';
import { t } from '../i18n.ts';
import { ClippedText } from '../shared/clipped-text.tsx';
import { CallerDetails } from './caller-details.tsx';
import type { CallerErrorKind, CallerLookup, CallerMatch } from './caller-types.ts';

export interface CallerCardProps extends CallerLookup {
  /** The agent picked a match; `index` is its position in `matches` as given. */
  onPick?: (match: CallerMatch, index: number) => void;
}

const ERROR_KEYS: Record<CallerErrorKind, string> = {
  signin: 'callerErrorSignin',
  forbidden: 'callerErrorForbidden',
  ratelimited: 'callerErrorRateLimited',
  unavailable: 'callerErrorUnavailable',
};

/** Indices of `matches`, best score first; equal scores keep the adapter's order. */
function ranked(matches: CallerMatch[]): number[] {
  return matches
    .map((_, i) => i)
    .sort((a, b) => (matches[b]?.score ?? 0) - (matches[a]?.score ?? 0));
}

/** One CRM's view of the caller: looking, found (with a picker), unknown, or why it failed. */
export function CallerCard(props: CallerCardProps) {
  const { crmLabel, status, matches } = props;
  return (
    <section
      class="caller"
      aria-label={t('callerCardLabel', crmLabel)}
      aria-busy={status === 'looking'}
    >
      <h2 class="caller-crm">{crmLabel}</h2>
      {status === 'looking' && <p class="muted">{t('callerLooking', crmLabel)}</p>}
      {status === 'error' && <p>{t(ERROR_KEYS[props.errorKind ?? 'unavailable'], crmLabel)}</p>}
      {status === 'none' && <Unknown {...props} />}
      {status === 'found' && matches.length === 1 && matches[0] && (
        <CallerDetails match={matches[0]} crmLabel={crmLabel} />
      )}
      {status === 'found' && matches.length > 1 && <Picker {...props} />}
    </section>
  );
}

function Unknown({ number, crmLabel, createContactUrl }: CallerCardProps) {
  const href = safeUrl(createContactUrl);
  return (
    <div>
      <p class="name">{t('callerUnknown')}</p>
      <ClippedText text={number} max={40} />
      {href && (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {t('callerCreateContact', crmLabel)}
        </a>
      )}
    </div>
  );
}

function Picker({ matches, crmLabel, picked, onPick }: CallerCardProps) {
  const id = useId();
  const order = ranked(matches);
  const [chosen, setChosen] = useState(picked ?? order[0] ?? 0);
  const match = matches[chosen];

  const choose = (index: number) => {
    setChosen(index);
    const next = matches[index];
    if (next) onPick?.(next, index);
  };

  return (
    <div>
      <fieldset class="caller-picker">
        <legend>{t('callerPick', String(matches.length))}</legend>
        {order.map((index) => {
          const option = matches[index];
          if (!option) return null;
          const text = option.company ? `${option.name} · ${option.company}` : option.name;
          return (
            <label key={index} class="row">
              <input
                type="radio"
                name={`${id}-pick`}
                checked={index === chosen}
                onChange={() => choose(index)}
              />
              <ClippedText text={text} />
            </label>
          );
        })}
      </fieldset>
      {match && <CallerDetails match={match} crmLabel={crmLabel} />}
    </div>
  );
}
