import { describe, expect, it } from 'vitest';
import { isFromExtension, senderKind } from './sender.ts';

const ID = 'mmdgkapiggfoabalcempglkjonlknglf';
const ext = (path: string) => `chrome-extension://${ID}/${path}`;
const tab = { id: 7 };

describe('senderKind', () => {
  it('tells the extension documents apart by URL', () => {
    expect(senderKind({ id: ID, url: ext('extension/offscreen/index.html') }, ID)).toBe(
      'offscreen',
    );
    expect(senderKind({ id: ID, url: ext('extension/popup/index.html') }, ID)).toBe(
      'extension-page',
    );
    expect(senderKind({ id: ID, url: ext('extension/dock/index.html?x'), tab }, ID)).toBe(
      'extension-page',
    );
    expect(senderKind({ id: ID, url: ext('service-worker-loader.js') }, ID)).toBe('worker');
  });

  it('treats a page that loads the offscreen URL in a tab as a page, not the engine', () => {
    expect(senderKind({ id: ID, url: ext('extension/offscreen/index.html'), tab }, ID)).toBe(
      'extension-page',
    );
  });

  it('knows content scripts by their tab and web URL', () => {
    const url = 'https://acme.lightning.force.com/lightning/r/Contact/003/view';
    expect(senderKind({ id: ID, url, tab }, ID)).toBe('content');
    expect(senderKind({ id: ID, url }, ID)).toBe('foreign');
  });

  it('refuses other extensions and senders without a URL', () => {
    expect(senderKind({ id: 'other', url: ext('extension/popup/index.html') }, ID)).toBe('foreign');
    expect(senderKind({ id: ID }, ID)).toBe('foreign');
    expect(isFromExtension({ id: ID, url: 'https://app.hubspot.com/', tab }, ID)).toBe(false);
    expect(isFromExtension({ id: ID, url: ext('extension/options/index.html') }, ID)).toBe(true);
  });
});
