// The Zendesk tab's relay: what it refuses to send, and what it hands back.
import { describe, expect, it, vi } from 'vitest';
import type { CrmFetchRequest } from '../../protocol/crm-fetch.ts';
import { admitRelay, relayFetch } from './page-relay.ts';

const ID = 'mmdgkapiggfoabalcempglkjonlknglf';
const ZD = 'https://acme.zendesk.com';
const WORKER = { id: ID, url: `chrome-extension://${ID}/service-worker-loader.js` };
const me: CrmFetchRequest = {
  origin: ZD,
  method: 'GET',
  path: '/api/v2/users/me.json',
  headers: {},
};

function answering(status = 200, headers: Record<string, string> = {}, body = '{"user":{}}') {
  return vi.fn<typeof fetch>(() => Promise.resolve(new Response(body, { status, headers })));
}

describe('admitRelay', () => {
  it('answers the hub only, never the page or another extension', () => {
    expect(admitRelay(WORKER, ID)).toBeNull();
    const page = { id: ID, url: `${ZD}/agent/users/1005`, tab: { id: 3 } as chrome.tabs.Tab };
    expect(admitRelay(page, ID)).toBe('not from the extension');
    expect(admitRelay({ ...WORKER, id: 'another' }, ID)).toBe('not from the extension');
  });
});

describe('relayFetch', () => {
  it('sends nothing for foreign paths or URLs, other methods, non-JSON bodies', async () => {
    const fetch = answering();
    const refused = [
      { ...me, path: '/agent/admin' },
      { ...me, path: 'https://evil.example/api/v2/users/me.json' },
      { ...me, path: '//evil.example/api/v2/x' },
      { ...me, path: '/api/v2/../../agent' },
      { ...me, method: 'DELETE' },
      { ...me, method: 'POST', body: '{}' },
      {
        ...me,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: '"a=1&_method=DELETE"',
      },
      'not an object',
    ];
    for (const payload of refused) {
      expect(await relayFetch({ origin: ZD, fetch }, payload)).toHaveProperty('refused');
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends on its own origin with the session; hands back status, body, rate limits', async () => {
    const fetch = answering(429, { 'retry-after': '9', 'set-cookie': 'x=1', 'x-other': 'y' });
    const answer = await relayFetch({ origin: ZD, fetch }, me);
    expect(fetch).toHaveBeenCalledWith(
      `${ZD}/api/v2/users/me.json`,
      expect.objectContaining({ method: 'GET', credentials: 'same-origin' }),
    );
    expect(answer).toEqual({
      status: 429,
      statusText: '',
      headers: { 'retry-after': '9', 'content-type': 'text/plain;charset=UTF-8' },
      body: '{"user":{}}',
    });
  });

  it('refuses when the tab shows another origin now', async () => {
    const fetch = answering();
    const other = { origin: 'https://other.zendesk.com', fetch };
    await expect(relayFetch(other, me)).rejects.toThrow(/another Zendesk/);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses a path the URL parser would change, even past the payload check', async () => {
    const fetch = answering();
    const sneaky = { ...me, path: '/api/v2/%2e%2e/%2e%2e/agent' };
    expect(await relayFetch({ origin: ZD, fetch }, sneaky)).toHaveProperty('refused');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses an answer too large to pass on, declared or streamed', async () => {
    const big = 'x'.repeat(4 * 1024 * 1024 + 1);
    const streamed = answering(200, {}, big);
    expect(await relayFetch({ origin: ZD, fetch: streamed }, me)).toEqual({
      refused: 'the answer is too large to pass on',
    });
    const declared = answering(200, { 'content-length': String(big.length) }, 'x');
    expect(await relayFetch({ origin: ZD, fetch: declared }, me)).toHaveProperty('refused');
  });
});
