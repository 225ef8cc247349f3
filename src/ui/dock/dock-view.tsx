import type { CallerCardProps } from '../caller/caller-card.tsx';
import { CallerCard } from '../caller/caller-card.tsx';
import { t } from '../i18n.ts';
import type { PhoneActions } from '../phone/phone-view.tsx';
import { PhoneView } from '../phone/phone-view.tsx';
import type { PhoneState } from '../phone/use-phone.ts';

export interface DockViewProps {
  phone: PhoneState;
  now: number;
  actions: PhoneActions;
  collapsed: boolean;
  onToggle: (collapsed: boolean) => void;
  /** One caller card per CRM that looked the current caller up (#5). */
  callers?: CallerCardProps[];
}

/** The softphone inside a CRM page: the popup's controls, compact, folding to a handle. */
export function DockView({ phone, now, actions, collapsed, onToggle, callers }: DockViewProps) {
  const state = phone.snapshot?.registration.state ?? 'unregistered';
  const active = phone.snapshot?.calls.filter((c) => c.state !== 'ended').length ?? 0;

  if (collapsed) {
    return (
      <button
        type="button"
        class={`dock-handle status-${state}`}
        aria-expanded="false"
        title={t('dockExpand')}
        onClick={() => onToggle(false)}
      >
        <span class="dot" aria-hidden="true" />
        <span class="sr-only">{t('dockExpand')} </span>
        {active > 0 && <span>{t('dockActiveCalls', active)}</span>}
      </button>
    );
  }

  return (
    <main class="dock">
      <header class="dock-header">
        <h1>{t('extName')}</h1>
        <button
          type="button"
          class="icon"
          aria-expanded="true"
          aria-label={t('dockCollapse')}
          title={t('dockCollapse')}
          onClick={() => onToggle(true)}
        >
          <span aria-hidden="true">▾</span>
        </button>
      </header>
      {callers?.map((card) => (
        <CallerCard key={card.crmLabel} {...card} />
      ))}
      <PhoneView phone={phone} now={now} actions={actions} compact />
    </main>
  );
}
