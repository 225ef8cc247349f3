// The Zendesk adapter in the hub, its requests relayed by the agent tab: the hub's fetch and
// the tab's relay joined by a direct "messaging" function, against the contract stub.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { serveCrmStub, type ServedStub } from '../../tests/support/crm-stub/serve.ts';
import { NUMBERS, ZD_CSRF, ZD_ORIGIN } from '../../tests/support/crm-stub/index.ts';
import type { CallLogEntry } from '../crm/api-adapter.ts';
import { CrmError } from '../crm/crm-error.ts';
import { RequestRefused } from '../crm/http.ts';
import { createZendeskApi } from '../crm/zendesk/api.ts';
import { relayFetch } from '../crm/zendesk/page-relay.ts';
import type { SendToTab } from '../protocol/tab-messages.ts';
import { tabFetch } from './crm-tab-fetch.ts';

let served: ServedStub;
beforeAll(async () => {
  served = await serveCrmStub();
});
afterAll(() => served.close());
beforeEach(() => served.stub.reset());

const DE = { defaultCountry: 'DE' };

/** The tab: its relay judges and sends the request; messaging clones what crosses. */
function tab(answers = true) {
  return vi.fn((_tabId: number, name: string, payload: unknown) => {
    if (!answers) return Promise.reject(new Error('no receiver for ' + name));
    const request = structuredClone(payload);
    return relayFetch({ origin: ZD_ORIGIN, fetch: served.fetch }, request).then(structuredClone);
  });
}

function relayedApi(send = tab()) {
  return createZendeskApi({ origin: ZD_ORIGIN, fetch: tabFetch(7, ZD_ORIGIN, send as SendToTab) });
}

it('looks up through the tab, with the page session', async () => {
  const send = tab();
  const [dana] = await relayedApi(send).lookup(NUMBERS.dana, DE);
  expect(dana?.name).toBe('Dana Fischer');
  expect(send.mock.calls[0]?.slice(0, 2)).toEqual([7, 'crm.fetch']);
  const [search] = served.stub.control.requestsTo('zendesk', 'GET', '/search');
  expect(search?.headers.cookie).toContain('_zendesk_session=');
});

it('writes a call log with the secured-request token', async () => {
  const entry: CallLogEntry = {
    callId: 'call-4',
    crm: 'zendesk',
    origin: ZD_ORIGIN,
    direction: 'inbound',
    number: NUMBERS.dana,
    startedAt: Date.parse('2025-07-01T10:00:00Z'),
    endedAt: Date.parse('2025-07-01T10:01:00Z'),
    outcome: 'answered',
    target: { crm: 'zendesk', type: 'user', id: '1005' },
    subject: 'Anruf von Dana Fischer',
  };
  expect((await relayedApi().logCall(entry)).created).toBe(true);
  const [post] = served.stub.control.requestsTo('zendesk', 'POST', '/tickets');
  expect(post?.headers['x-csrf-token']).toBe(ZD_CSRF);
  expect(post?.headers['idempotency-key']).toBe('cti-call:call-4');
});

describe('error kinds come back as the adapter reads them', () => {
  it.each([
    [{ status: 401 as const }, { kind: 'signin' }],
    [{ status: 403 as const }, { kind: 'forbidden' }],
    [
      { status: 429 as const, retryAfterSec: 9 },
      { kind: 'ratelimited', retryAfterMs: 9000 },
    ],
    [{ status: 500 as const }, { kind: 'unavailable' }],
  ])('%j', async (fault, expected) => {
    served.stub.control.fault('zendesk', fault);
    const error = await relayedApi()
      .lookup(NUMBERS.dana, DE)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject(expected);
  });

  it('fails a request the tab refuses as a bug, not as an outage to retry', async () => {
    const refusing = vi.fn(() => Promise.resolve({ refused: 'header x-y not allowed' }));
    const error = await relayedApi(refusing)
      .checkSession()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestRefused);
    expect(error).not.toBeInstanceOf(CrmError);
    expect(String(error)).toContain('header x-y not allowed');
  });

  it('reads a tab that does not answer as unavailable', async () => {
    await expect(relayedApi(tab(false)).checkSession()).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('no receiver') as unknown,
    });
  });
});

describe('tabFetch', () => {
  it('relays nothing for another origin', async () => {
    const send = tab();
    const fetch = tabFetch(7, ZD_ORIGIN, send as SendToTab);
    await expect(fetch('https://other.zendesk.com/api/v2/users/me.json')).rejects.toThrow(
      /not the agent tab's origin/,
    );
    expect(send).not.toHaveBeenCalled();
  });

  it('stops waiting when the caller aborts', async () => {
    const never = vi.fn(() => new Promise<never>(() => undefined));
    const fetch = tabFetch(7, ZD_ORIGIN, never);
    const controller = new AbortController();
    const pending = fetch(`${ZD_ORIGIN}/api/v2/users/me.json`, { signal: controller.signal });
    controller.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
  });

  it('turns a malformed answer into a failed fetch', async () => {
    const odd = vi.fn(() => Promise.resolve({ status: 0, statusText: '', headers: {}, body: '' }));
    const fetch = tabFetch(7, ZD_ORIGIN, odd);
    await expect(fetch(`${ZD_ORIGIN}/api/v2/users/me.json`)).rejects.toThrow(/malformed/);
  });
});
