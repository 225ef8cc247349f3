/**
 * The generic content script: only the page's own call links, in every frame of the CRM hosts
 * (mail bodies and apps shown in frames). It carries no number parsing, to stay small in each
 * frame: it sends the link's href as it is, and the hub reads it (planDial).
 */
import { createLogger } from '../core/logger.ts';
import { request } from './hub-client.ts';
import { runContentScript, type ContentScript } from './lifecycle.ts';
import { LinkClicks } from './link-clicks.ts';

const log = createLogger('content:links');

export function startLinkContent(doc: Document = document): void {
  const fallback = {
    enabled: true,
    detectNumbers: false,
    defaultCountry: 'DE',
    ignoreLabels: [],
    dock: false,
  };
  const start: ContentScript['start'] = (config, signal, running) => {
    if (!config.enabled) return;
    const links = new LinkClicks({
      signal,
      targetOf: (href) => href.trim().slice(0, 512),
      dial: (target) => {
        if (!running.checkAlive()) return;
        request('phone.dial', { target }).catch((e: unknown) => log.warn('dial failed', e));
      },
    });
    links.watch(doc);
  };
  runContentScript({ kind: 'links', crm: null, fallback, start }, doc);
}
