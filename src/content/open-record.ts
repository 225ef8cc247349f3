/**
 * Screen-pop inside Salesforce Lightning without reloading the tab. Lightning routes clicks
 * on in-app links itself: the Service Console opens a record link as a workspace tab, a
 * standard app shows it in place. So the hub asks the tab's content script, which clicks a
 * link to the record that it adds to the page and removes at once. Should the app not route
 * it, the link's default action loads the record URL in the tab, which is what navigating
 * the tab would do anyway. (The console's own API, `lightning:workspaceAPI`, and Open CTI
 * `screenPop` exist only for components inside Salesforce: DESIGN.md, screen-pop.ts.)
 */
import { handleMessages } from '../protocol/runtime.ts';
import { isFromExtension } from '../protocol/sender.ts';
import { checkOpenRecord } from '../protocol/tab-checks.ts';

/** Only a record page of the org this tab shows: `/lightning/r/<type>/<id>/view`. */
const RECORD_PATH = /^\/lightning\/r\/\w+\/\w{15,18}\/view$/;

export function openInApp(doc: Document, url: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.origin !== doc.location.origin || !RECORD_PATH.test(target.pathname)) return false;

  // At the top of the body, outside the dock's shadow root: the app's delegated click
  // handler must see the link itself as the event's target.
  const link = doc.createElement('a');
  link.href = target.href;
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
  }
  return true;
}

/** Answers the hub's `crm.openRecord` in this tab until `signal` aborts. */
export function answerOpenRecord(signal: AbortSignal, doc: Document = document): void {
  const stop = handleMessages(
    'content',
    { 'crm.openRecord': ({ url }) => openInApp(doc, url) },
    {
      admit: (envelope, sender) =>
        isFromExtension(sender) ? checkOpenRecord(envelope.payload) : 'not from the extension',
    },
  );
  signal.addEventListener('abort', stop, { once: true });
}
