import { formatDate, safeUrl } from '../format.ts';
import { t, uiLanguage } from '../i18n.ts';
import { ClippedText } from '../shared/clipped-text.tsx';
import type { CallerMatch } from './caller-types.ts';

/** One match in full: who, where they work, their open items, and a link to the record. */
export function CallerDetails({ match, crmLabel }: { match: CallerMatch; crmLabel: string }) {
  const role = [match.title, match.company].filter(Boolean).join(' · ');
  const href = safeUrl(match.url);

  return (
    <div class="caller-details">
      <ClippedText class="name" text={match.name} />
      {role && <ClippedText text={role} />}
      {match.owner && <ClippedText class="muted" text={t('callerOwner', match.owner)} />}
      {match.items.length > 0 && (
        <ul class="caller-items" aria-label={t('callerItems')}>
          {match.items.map((item, index) => (
            <li key={index}>
              <ItemLabel label={item.label} url={item.url} />
              <span class="muted">
                <ClippedText text={item.status} max={40} />
                {item.date && <span>{formatDate(item.date, uiLanguage())}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {match.lastInteraction && (
        <p class="muted">
          {t('callerLastInteraction', formatDate(match.lastInteraction, uiLanguage()))}
        </p>
      )}
      {href && (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {t('callerOpenRecord', crmLabel)}
        </a>
      )}
    </div>
  );
}

/** A case, ticket or deal: a link to it in the CRM where its URL is http(s). */
function ItemLabel({ label, url }: { label: string; url: string | undefined }) {
  const href = safeUrl(url);
  if (!href) return <ClippedText text={label} />;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      <ClippedText text={label} />
    </a>
  );
}
