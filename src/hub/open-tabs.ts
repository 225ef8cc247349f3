/**
 * Chrome runs manifest content scripts only in pages loaded after the extension was installed
 * or updated, so CRM tabs already open would have no click-to-call until reloaded
 * (https://developer.chrome.com/docs/extensions/reference/api/scripting#inject-on-install).
 * On install and update the hub injects each manifest entry's files into its open tabs, as
 * the built manifest names them (scripts/vite-content-scripts.ts).
 *
 * Injecting twice is harmless: a content script runs once per frame (src/content/lifecycle.ts),
 * so a tab that loaded its scripts meanwhile keeps the ones it has; an old version's orphaned
 * script steps aside when the new one announces itself.
 *
 * Limits: `exclude_matches` and globs are not applied (tabs.query takes match patterns only;
 * our manifest uses neither), and an `all_frames` entry reaches every frame the extension has
 * host access to, a little wider than its `matches`. Scripts on extra hosts: extra-hosts.ts.
 */
import { createLogger } from '../core/logger.ts';

const log = createLogger('hub:inject');

export interface ContentScriptEntry {
  matches?: string[];
  js?: string[];
  all_frames?: boolean;
}

export interface OpenTab {
  id?: number;
  discarded?: boolean;
}

export interface Injection {
  tabId: number;
  allFrames: boolean;
  files: string[];
}

/**
 * What to inject where: each entry's scripts into each open tab its matches cover. Discarded
 * tabs are left out: they load afresh, with the manifest's scripts, when the agent opens them.
 */
export async function planInjections(
  entries: readonly ContentScriptEntry[],
  queryTabs: (urls: string[]) => Promise<OpenTab[]>,
): Promise<Injection[]> {
  const plan: Injection[] = [];
  for (const entry of entries) {
    const files = entry.js ?? [];
    if (files.length === 0 || !entry.matches?.length) continue;

    const tabs = await queryTabs(entry.matches);
    for (const tab of tabs) {
      if (tab.id === undefined || tab.discarded) continue;
      plan.push({ tabId: tab.id, allFrames: entry.all_frames ?? false, files });
    }
  }
  return plan;
}

/** Gives the open CRM tabs this version's content scripts; failures only skip that tab. */
export async function injectIntoOpenTabs(): Promise<void> {
  const entries = chrome.runtime.getManifest().content_scripts ?? [];
  const plan = await planInjections(entries, (url) => chrome.tabs.query({ url }));
  const results = await Promise.allSettled(
    plan.map(({ tabId, allFrames, files }) =>
      chrome.scripting.executeScript({ target: { tabId, allFrames }, files }),
    ),
  );

  // A tab may close, crash or show an error page meanwhile; it gets scripts on its next load.
  const failed = results.filter((r) => r.status === 'rejected').length;
  log.debug(`injected into ${plan.length - failed} of ${plan.length} open tabs`);
}
