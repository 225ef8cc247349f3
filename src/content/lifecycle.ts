/**
 * What every content script shares: it runs once per frame, can tear itself down through one
 * AbortSignal, follows settings changes, and cleans up when the extension is reloaded or updated
 * under an open page. Such an old script is orphaned (`chrome.runtime.id` is gone): it notices
 * on a slow watchdog tick, on its next dial, or when the new script announces itself, and then
 * removes everything it added. A page can send the announcement too; it only makes an orphan
 * leave, never a live script.
 */
import type { PageConfig } from '../protocol/messages.ts';
import type { CrmName } from '../protocol/phone-state.ts';
import { extensionAlive, request } from './hub-client.ts';

const REGISTRY = Symbol.for('cti-softphone.content');
const TAKEOVER = 'cti-softphone:takeover';
const WATCHDOG_MS = 2000;

/** Storage keys that never change the page config (the dock's place). */
export const PAGE_LOCAL_KEYS = new Set(['dockPlace']);

type Kind = 'crm' | 'links';
type Registry = Map<Kind, AbortController>;

export interface Running {
  signal: AbortSignal;
  /** Tears everything down if the extension is gone; true while it is alive. */
  checkAlive: () => boolean;
}

export interface ContentScript {
  kind: Kind;
  crm: CrmName | null;
  /** Used while the hub cannot answer (the worker starting up, or being updated). */
  fallback: PageConfig;
  start: (config: PageConfig, signal: AbortSignal, running: Running) => void;
}

/**
 * Runs `start` with the page config, again whenever the config changes (the previous run's
 * signal aborts first). A CRM script replaces the generic link script in its frame.
 */
export function runContentScript(script: ContentScript, doc: Document): Running | null {
  const { kind, crm, start } = script;
  const slot = globalThis as Record<symbol, Registry | undefined>;
  const registry: Registry = (slot[REGISTRY] ??= new Map<Kind, AbortController>());
  if (!extensionAlive() || registry.has('crm') || registry.has(kind)) return null;
  registry.get('links')?.abort();
  const controller = new AbortController();
  const { signal } = controller;
  registry.set(kind, controller);
  signal.addEventListener('abort', () => registry.delete(kind));

  const checkAlive = (): boolean => {
    if (!extensionAlive()) controller.abort();
    return !signal.aborted;
  };
  const running: Running = { signal, checkAlive };
  doc.dispatchEvent(new CustomEvent(TAKEOVER));
  doc.addEventListener(TAKEOVER, checkAlive, { signal });
  const watchdog = setInterval(checkAlive, WATCHDOG_MS);
  signal.addEventListener('abort', () => clearInterval(watchdog));

  let current = '';
  let features: AbortController | null = null;
  let retries = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  signal.addEventListener('abort', () => clearTimeout(retry));
  const refresh = async (): Promise<void> => {
    const ask = ++asked;
    const answer = await loadConfig(crm);
    // A later request answers instead of this one (a slow failure must not undo it).
    if (ask !== asked || signal.aborted) return;
    if (answer) retries = 0;
    else if (retries < CONFIG_RETRIES) {
      clearTimeout(retry);
      retry = setTimeout(() => void refresh(), CONFIG_RETRY_MS * ++retries);
    }
    // Without an answer the page keeps what it has, or starts with the fallback (no dock:
    // on an extra host its page would be blocked) while the hub is asked again.
    if (!answer && current) return;
    const config = answer ?? script.fallback;
    if (JSON.stringify(config) === current) return;
    current = JSON.stringify(config);
    features?.abort();
    features = new AbortController();
    const inner = features.signal;
    signal.addEventListener('abort', () => features?.abort(), { once: true });
    start(config, inner, running);
  };
  // Any storage change may be a settings or policy change; the dock's own place is not.
  const changed = (changes: Record<string, unknown>): void => {
    if (Object.keys(changes).some((key) => !PAGE_LOCAL_KEYS.has(key))) void refresh();
  };
  chrome.storage.onChanged.addListener(changed);
  // After the extension is gone, chrome.storage is gone too: nothing left to remove then.
  signal.addEventListener('abort', () => chrome.storage?.onChanged.removeListener(changed));
  void refresh();
  return running;
}

const CONFIG_RETRIES = 3;
const CONFIG_RETRY_MS = 2000;

/** The hub's config for this page, or null while the hub cannot answer. */
async function loadConfig(crm: CrmName | null): Promise<PageConfig | null> {
  try {
    return await request('page.config', { crm });
  } catch {
    return null;
  }
}
