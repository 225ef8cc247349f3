/** What a content script may do on a page, from the effective settings (the hub answers). */
import type { PageConfig } from '../protocol/messages.ts';
import type { CrmName } from '../protocol/phone-state.ts';
import type { Settings } from '../settings/settings.ts';

export function pageConfig(settings: Settings, crm: CrmName | null, dock: boolean): PageConfig {
  const enabled = crm ? settings.crmEnabled[crm] : Object.values(settings.crmEnabled).some(Boolean);
  return {
    enabled,
    detectNumbers: enabled && settings.detectNumbers,
    defaultCountry: settings.defaultCountry,
    ignoreLabels: [...settings.numberIgnoreLabels],
    dock,
  };
}
