/**
 * "Call <selection>" in the context menu of the CRM pages: dials a number the agent selected
 * anywhere, also in inputs and editors, which click-to-call leaves alone (C19). The service
 * worker owns chrome.contextMenus: the hub installs the entry on install and again whenever the
 * extra hosts change (extra-hosts.ts), and passes clicks to `handleContextMenuClick`.
 */
import { crmOfUrl, type CrmHosts } from '../crm/hosts.ts';
import { CRM_PAGES } from '../crm/pages.ts';
import { findPhoneNumbers } from '../numbers/find-numbers.ts';
import { withExtension } from '../numbers/extension.ts';
import { valueTarget } from '../numbers/link-target.ts';
import { isNonPhoneToken } from '../numbers/shapes.ts';
import { isSupportedCountry } from '../numbers/phone-lib.ts';
import type { RecordRef } from '../protocol/phone-state.ts';

export const CONTEXT_MENU_ID = 'cti-call-selection';
const MAX_SELECTION = 200;

/** Match patterns of every CRM page (content-script hosts), for the menu's documentUrlPatterns. */
export function crmUrlPatterns(): string[] {
  return Object.values(CRM_PAGES).flatMap((page) => [...page.matches]);
}

/**
 * Creates the entry on the CRM pages and on `extraPages` (the extra hosts' CRM pages); menus
 * persist across service-worker restarts. One caller at a time: two would create it twice.
 */
export async function installContextMenu(extraPages: readonly string[] = []): Promise<void> {
  await chrome.contextMenus.removeAll();
  chrome.contextMenus.create({
    id: CONTEXT_MENU_ID,
    title: chrome.i18n.getMessage('contextMenuCall'),
    contexts: ['selection'],
    documentUrlPatterns: [...new Set([...crmUrlPatterns(), ...extraPages])],
  });
}

export interface ContextMenuDeps {
  defaultCountry: string;
  /** Which pages are a CRM's (extra hosts, the org's own hosts): only there is a record read. */
  hosts: CrmHosts;
  dial: (target: string, record?: RecordRef) => Promise<unknown>;
}

export type ContextMenuOutcome = 'dialled' | 'no-number' | 'ignored';

/** Reads the selection as a number and dials it, with the record of the page it was on. */
export async function handleContextMenuClick(
  info: Pick<chrome.contextMenus.OnClickData, 'menuItemId' | 'selectionText' | 'pageUrl'>,
  deps: ContextMenuDeps,
): Promise<ContextMenuOutcome> {
  if (info.menuItemId !== CONTEXT_MENU_ID) return 'ignored';
  const text = (info.selectionText ?? '').slice(0, MAX_SELECTION);
  const country = isSupportedCountry(deps.defaultCountry) ? deps.defaultCountry : 'DE';

  // Read as a page's text first, so labels and shapes count (`Rechnung 2024-0815-1234` is no
  // number); bare digits the agent chose are taken as a phone field's, unless a date or the like.
  const options = { defaultCountry: country };
  const bare = !/\p{L}/u.test(text.replace(/\b(?:x|ext)\b/gi, ''));
  const [match] = findPhoneNumbers(text, options).concat(
    bare ? findPhoneNumbers(text, { ...options, phoneField: true }) : [],
  );
  const shape = isNonPhoneToken(text.trim().replace(/[).,;:]+$/, ''));
  const fallback = bare && !shape ? valueTarget(text, country) : null;
  const target = match ? withExtension(match.e164, match.extension) : fallback;
  if (!target) return 'no-number';

  const record = recordOfPage(info.pageUrl, deps.hosts);
  await deps.dial(target, record);
  return 'dialled';
}

function recordOfPage(pageUrl: string | undefined, hosts: CrmHosts): RecordRef | undefined {
  const place = crmOfUrl(pageUrl, hosts);
  if (!place || !pageUrl) return undefined;
  const url = new URL(pageUrl);
  const key = CRM_PAGES[place.crm].recordFromUrl(url);
  return key ? { crm: place.crm, ...key, url: url.href } : undefined;
}

/** Chrome match patterns of the form `https://*.host/path*` (the ones our manifest uses). */
export function matchesPattern(url: URL, pattern: string): boolean {
  const m = /^(\w+):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m || `${m[1]}:` !== url.protocol) return false;
  const host = m[2] ?? '';
  const hostOk = host.startsWith('*.')
    ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))
    : url.hostname === host;
  const path = new RegExp('^' + (m[3] ?? '').split('*').map(escape).join('.*') + '$');
  return hostOk && path.test(url.pathname);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
