/**
 * Which browser tab the hub works with, as pure functions of `chrome.tabs.query({})` results
 * (`lastAccessed` is set by Chrome 121+; older tabs without it count as least recent):
 * - the CRMs to ask for a caller: each enabled CRM with an open agent tab, at the origin of
 *   its most recently used tab;
 * - the tab a screen-pop navigates: the most recently used tab of that CRM (same org first);
 * - the tab whose dock unfolds for a ringing call: the CRM tab the agent is on, else the one
 *   used last, among the tabs that show a dock.
 */
import { crmOfUrl, type CrmHosts, type CrmPlace } from '../crm/hosts.ts';
import type { CrmName } from '../protocol/phone-state.ts';

export interface TabInfo {
  id?: number;
  url?: string;
  lastAccessed?: number;
  active?: boolean;
  windowId?: number;
  /** Unloaded by the browser to save memory: no content script runs until it is shown. */
  discarded?: boolean;
}

export interface CrmTab extends CrmPlace {
  tabId: number;
  lastAccessed: number;
  discarded: boolean;
}

export interface TabChoiceSettings extends CrmHosts {
  crmEnabled: Record<CrmName, boolean>;
}

/** Every enabled CRM agent tab: loaded ones first, each group most recently used first. */
export function crmTabs(tabs: readonly TabInfo[], settings: TabChoiceSettings): CrmTab[] {
  const found: CrmTab[] = [];
  for (const tab of tabs) {
    const place = crmOfUrl(tab.url, settings);
    if (!place || tab.id === undefined || !settings.crmEnabled[place.crm]) continue;
    const discarded = tab.discarded === true;
    found.push({ ...place, tabId: tab.id, lastAccessed: tab.lastAccessed ?? 0, discarded });
  }
  return found.sort(
    (a, b) => Number(a.discarded) - Number(b.discarded) || b.lastAccessed - a.lastAccessed,
  );
}

/** One lookup target per CRM: the most recently used tab of each. */
export function lookupTargets(tabs: readonly TabInfo[], settings: TabChoiceSettings): CrmTab[] {
  const seen = new Set<CrmName>();
  return crmTabs(tabs, settings).filter((t) => !seen.has(t.crm) && seen.add(t.crm));
}

/** The tab a screen-pop navigates; undefined means "open a new tab". */
export function screenPopTab(
  tabs: readonly TabInfo[],
  settings: TabChoiceSettings,
  crm: CrmName,
  origin: string,
): CrmTab | undefined {
  const ofCrm = crmTabs(tabs, settings).filter((t) => t.crm === crm);
  return ofCrm.find((t) => t.origin === origin) ?? ofCrm[0];
}

/**
 * The tab whose dock unfolds with the caller card: among CRM tabs with a dock (`docked`), the
 * one active in the focused window, else the one used last. Undefined when no such tab is
 * known or recency is not (Chrome before 121 has no `lastAccessed`): then every dock unfolds.
 */
export function dockTab(
  tabs: readonly TabInfo[],
  settings: TabChoiceSettings,
  docked: ReadonlySet<number>,
  focusedTabId?: number,
): number | undefined {
  const withDock = crmTabs(tabs, settings).filter((t) => docked.has(t.tabId));
  const focused = withDock.find((t) => t.tabId === focusedTabId);
  if (focused) return focused.tabId;
  const last = withDock[0];
  return last && last.lastAccessed > 0 ? last.tabId : undefined;
}
