/**
 * Who sent a runtime message. Content scripts run in untrusted pages and are told apart from
 * the extension's own documents by URL: Chrome sets `sender.url` to the sending document's
 * URL, and `sender.tab` only for documents in a tab (content scripts, or our pages in a tab).
 * https://developer.chrome.com/docs/extensions/reference/api/runtime#type-MessageSender
 */
import { PAGES } from '../core/pages.ts';

export type SenderKind = 'offscreen' | 'extension-page' | 'worker' | 'content' | 'foreign';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

export function senderKind(sender: SenderInfo, extensionId: string): SenderKind {
  if (sender.id !== extensionId || !sender.url) return 'foreign';

  const origin = `chrome-extension://${extensionId}/`;
  if (!sender.url.startsWith(origin)) return sender.tab ? 'content' : 'foreign';

  const path = sender.url.slice(origin.length).split(/[?#]/)[0] ?? '';
  if (path === PAGES.offscreen) return sender.tab ? 'extension-page' : 'offscreen';
  if (path.endsWith('.js')) return 'worker';
  return 'extension-page';
}

/** For views and the engine: accept only the extension's own documents and worker. */
export function isFromExtension(sender: SenderInfo, extensionId = chrome.runtime.id): boolean {
  const kind = senderKind(sender, extensionId);
  return kind !== 'content' && kind !== 'foreign';
}
