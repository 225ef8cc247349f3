/**
 * A CRM's content script: click-to-call on the numbers of its pages, its call links, and the
 * dock (top frame only). Settings changes restart it with the new config.
 */
import { recordAt, type CrmPage } from '../crm/page-adapter.ts';
import { createLogger } from '../core/logger.ts';
import { DEFAULT_IGNORE_LABELS } from '../numbers/labels.ts';
import { linkTarget } from '../numbers/link-target.ts';
import { isSupportedCountry } from '../numbers/phone-lib.ts';
import { ClickToCall } from './click-to-call.ts';
import { mountDock } from './dock-mount.ts';
import { request } from './hub-client.ts';
import { runContentScript, type ContentScript } from './lifecycle.ts';
import { LinkClicks } from './link-clicks.ts';

/**
 * `topFrame` runs with each run's signal in the top frame only, e.g. the relay for a CRM
 * whose API requests go out from the page (Zendesk, src/crm/zendesk/page-relay.ts).
 */
export function startCrmContent(
  page: CrmPage,
  doc: Document = document,
  topFrame?: (signal: AbortSignal) => void,
): void {
  const log = createLogger(`content:${page.crm}`);

  const start: ContentScript['start'] = (config, signal, running) => {
    if (!config.enabled) return;
    const country = isSupportedCountry(config.defaultCountry) ? config.defaultCountry : 'DE';

    const dial = async (target: string, anchor: Node): Promise<void> => {
      if (!running.checkAlive()) return;
      const record = recordAt(page, anchor, new URL(doc.location.href), doc);
      log.debug('dial', target, record);
      await request('phone.dial', record ? { target, record } : { target });
    };

    if (config.detectNumbers) {
      new ClickToCall({
        doc,
        signal,
        defaultCountry: country,
        ignoreLabels: config.ignoreLabels,
        phoneFieldSelector: page.phoneFields.map((f) => f.selector).join(','),
        shadowRootOf,
        ...(page.fieldLabel ? { fieldLabel: page.fieldLabel } : {}),
        label: (shown) => chrome.i18n.getMessage('contentCallNumber', [shown]),
        alive: running.checkAlive,
        dial,
      }).scanAll();
    } else {
      const links = new LinkClicks({
        signal,
        targetOf: (href) => linkTarget(href, country),
        dial: (target, link) => void dial(target, link).catch(() => undefined),
      });
      links.watch(doc);
    }
    if (doc.defaultView === doc.defaultView?.top) {
      if (config.dock) mountDock(doc, signal);
      topFrame?.(signal);
    }
  };
  const fallback = {
    enabled: true,
    detectNumbers: true,
    defaultCountry: 'DE',
    ignoreLabels: [...DEFAULT_IGNORE_LABELS],
    dock: false,
  };
  runContentScript({ kind: 'crm', crm: page.crm, fallback, start }, doc);
}

/**
 * Open roots directly; closed ones through chrome.dom, asked of custom elements only: asking
 * every element costs a native call each, and the CRMs' closed roots sit on custom elements.
 */
function shadowRootOf(element: Element): ShadowRoot | null {
  if (element.shadowRoot) return element.shadowRoot;
  if (!element.localName.includes('-')) return null;
  return chrome.dom?.openOrClosedShadowRoot(element as HTMLElement) ?? null;
}
