/**
 * Content scripts on the extra hosts an admin names per CRM (setting `extraHosts`: a custom
 * Salesforce domain, an access proxy in front of the CRM). The manifest's content scripts
 * cover the CRMs' own hosts only, and host access to any other site is an optional permission
 * (`optional_host_permissions`) that the agent grants in the options page. The hub registers
 * one script per CRM for the granted extra hosts, the same built file the manifest names for
 * that CRM, plus the call-link script in every frame, and keeps the registration in step with
 * the settings and the granted permissions.
 *
 * The dock needs its page to be web-accessible to the site, and that list is fixed in the
 * manifest: on an extra host the page config says no dock (`dockAllowed`), the popup is the
 * phone there.
 */
import { allExtraHosts, hostOrigin, hostsWithoutAccess } from '../crm/host-access.ts';
import { CRM_NAMES, type HostsPerCrm } from '../crm/hosts.ts';
import type { CrmName } from '../protocol/phone-state.ts';
import { createLogger } from '../core/logger.ts';
import { loadEffectiveSettings } from '../settings/store.ts';
import { installContextMenu, matchesPattern } from './context-menu.ts';
import { planInjections, type ContentScriptEntry } from './open-tabs.ts';

const log = createLogger('hub:extra-hosts');

/** Registered script ids: `extra-salesforce` and so on, `extra-links` for call links. */
export const EXTRA_PREFIX = 'extra-';

export interface ExtraScript {
  id: string;
  js: string[];
  matches: string[];
  allFrames: boolean;
}

/** A CRM's pages on a host: Zendesk's agent workspace only, the whole site for the others. */
function pagesOn(crm: CrmName, host: string): string[] {
  const base = `https://${host.trim().toLowerCase()}`;
  return crm === 'zendesk' ? [`${base}/agent`, `${base}/agent/*`] : [`${base}/*`];
}

/** The manifest entry's script of a CRM (its file is named after it) and the call-link one. */
function scriptOf(entries: readonly ContentScriptEntry[], name: string): string[] | undefined {
  const entry = entries.find((e) => e.js?.some((file) => file.endsWith(`/${name}.js`)));
  return entry?.js;
}

/**
 * What to register: per enabled CRM with granted extra hosts, its script on them; the call-link
 * script on all of them, in every frame. Hosts without access are left out until granted.
 */
export function planExtraScripts(
  settings: { extraHosts: HostsPerCrm; crmEnabled: Record<CrmName, boolean> },
  entries: readonly ContentScriptEntry[],
  granted: (origin: string) => boolean,
): ExtraScript[] {
  const scripts: ExtraScript[] = [];
  const linkPages: string[] = [];
  for (const crm of CRM_NAMES) {
    const js = scriptOf(entries, crm);
    const hosts = (settings.extraHosts[crm] ?? []).filter((h) => granted(hostOrigin(h)));
    if (!js || !settings.crmEnabled[crm] || hosts.length === 0) continue;
    const matches = hosts.flatMap((host) => pagesOn(crm, host));
    scripts.push({ id: EXTRA_PREFIX + crm, js, matches, allFrames: false });
    linkPages.push(...hosts.map(hostOrigin));
  }
  const links = scriptOf(entries, 'tel');
  if (links && linkPages.length > 0) {
    const matches = [...new Set(linkPages)];
    scripts.push({ id: `${EXTRA_PREFIX}links`, js: links, matches, allFrames: true });
  }
  return scripts;
}

/** The extra hosts' CRM pages, where the context menu offers "Call" too. */
export function menuPages(scripts: readonly ExtraScript[]): string[] {
  return scripts.filter((s) => !s.allFrames).flatMap((s) => s.matches);
}

/** The scripts the settings and the granted hosts call for now. */
async function wantedScripts(): Promise<ExtraScript[]> {
  const settings = await loadEffectiveSettings();
  const missing = new Set(
    (await hostsWithoutAccess(allExtraHosts(settings.extraHosts))).map(hostOrigin),
  );
  const entries = chrome.runtime.getManifest().content_scripts ?? [];
  return planExtraScripts(settings, entries, (origin) => !missing.has(origin));
}

let syncing = Promise.resolve();

/**
 * Brings the registered scripts in line with the settings and the granted hosts, gives the
 * open tabs of newly covered hosts their scripts, and puts the context menu's "Call" entry on
 * the same pages. Runs one at a time.
 */
export function syncExtraScripts(): Promise<void> {
  syncing = syncing.then(sync, sync);
  return syncing;
}

async function sync(): Promise<void> {
  // The menu entry comes first: it must exist even when the extra hosts cannot be read.
  const wanted = await wantedScripts().catch((error: unknown) => {
    log.error('could not read the extra hosts', error);
    return null;
  });
  await installContextMenu(menuPages(wanted ?? []));
  if (!wanted) return;

  const current = (await chrome.scripting.getRegisteredContentScripts()).filter((s) =>
    s.id.startsWith(EXTRA_PREFIX),
  );
  // Chrome answers with the patterns sorted: compare as sets, or every sync re-registers.
  const sorted = (list: readonly string[] | undefined) => JSON.stringify([...(list ?? [])].sort());
  const same = (a: ExtraScript, b: chrome.scripting.RegisteredContentScript) =>
    a.id === b.id &&
    sorted(a.js) === sorted(b.js) &&
    sorted(a.matches) === sorted(b.matches) &&
    a.allFrames === (b.allFrames ?? false);
  const stale = current.filter((s) => !wanted.some((w) => same(w, s)));
  const added = wanted.filter((w) => !current.some((s) => same(w, s)));
  if (stale.length === 0 && added.length === 0) return;

  const staleIds = stale.map((s) => s.id);
  if (staleIds.length > 0) await chrome.scripting.unregisterContentScripts({ ids: staleIds });
  if (added.length > 0) {
    await chrome.scripting.registerContentScripts(
      added.map((s) => ({ ...s, runAt: 'document_idle' as const, persistAcrossSessions: true })),
    );
  }
  log.debug(`extra hosts: ${wanted.map((s) => `${s.id} ${s.matches.join(' ')}`).join('; ')}`);

  // Tabs already open on a newly covered host get the scripts now, as after an install.
  const fresh = added.map((s) => ({ matches: s.matches, js: s.js, all_frames: s.allFrames }));
  const plan = await planInjections(fresh, (url) => chrome.tabs.query({ url }));
  await Promise.allSettled(
    plan.map(({ tabId, allFrames, files }) =>
      chrome.scripting.executeScript({ target: { tabId, allFrames }, files }),
    ),
  );
}

/**
 * Whether a page may show the dock: its page is web-accessible only to the manifest's sites.
 * `matches` are the manifest's patterns (`https://*.zendesk.com/*`).
 */
export function dockAllowed(url: string | undefined, matches: readonly string[]): boolean {
  if (!url || !URL.canParse(url)) return false;
  const parsed = new URL(url);
  return matches.some((pattern) => matchesPattern(parsed, pattern));
}

/** The sites the manifest makes the dock page web-accessible to. */
export function dockSites(): string[] {
  const resources = chrome.runtime.getManifest().web_accessible_resources ?? [];
  return resources.flatMap((r) => (typeof r === 'object' ? (r.matches ?? []) : []));
}
