// The hub's proxy and the Zendesk tab's handlers, joined by a direct "messaging" function,
// with the adapter running against the contract stub.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { serveCrmStub, type ServedStub } from '../../tests/support/crm-stub/serve.ts';
import { NUMBERS, ZD_ORIGIN } from '../../tests/support/crm-stub/index.ts';
import { CrmError } from '../crm/crm-error.ts';
import { createZendeskApi } from '../crm/zendesk/api.ts';
import { crmRequestHandlers } from '../crm/zendesk/page-handler.ts';
import { tabProxyApi, type SendToTab } from './crm-tab-proxy.ts';

let served: ServedStub;
beforeAll(async () => {
  served = await serveCrmStub();
});
afterAll(() => served.close());
beforeEach(() => served.stub.reset());

function proxy(tabAnswers = true) {
  const inPage = crmRequestHandlers(createZendeskApi({ origin: ZD_ORIGIN, fetch: served.fetch }));
  const send = ((_tabId: number, name: string, payload: never) => {
    if (!tabAnswers) return Promise.reject(new Error('no receiver for ' + name));
    // Messaging clones what crosses: so does this.
    const handler = inPage[name as keyof typeof inPage] as (p: never) => Promise<unknown>;
    return handler(structuredClone(payload)).then((r) => structuredClone(r));
  }) as SendToTab;
  return tabProxyApi(createZendeskApi({ origin: ZD_ORIGIN, fetch: served.fetch }), 7, send);
}

it('looks up in the tab and brings the matches back', async () => {
  const [dana] = await proxy().lookup(NUMBERS.dana, { defaultCountry: 'DE' });
  expect(dana?.name).toBe('Dana Fischer');
});

it('brings the CRM error kind back across messaging', async () => {
  served.stub.control.fault('zendesk', { status: 429, retryAfterSec: 9 });
  const error = await proxy()
    .lookup(NUMBERS.dana, { defaultCountry: 'DE' })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CrmError);
  expect(error).toMatchObject({ kind: 'ratelimited', retryAfterMs: 9000 });
});

it('reads a tab that does not answer as unavailable', async () => {
  await expect(proxy(false).checkSession()).rejects.toMatchObject({ kind: 'unavailable' });
});

it('builds links without asking the tab', async () => {
  expect(await proxy(false).recordUrl({ crm: 'zendesk', type: 'user', id: '1005' })).toBe(
    `${ZD_ORIGIN}/agent/users/1005`,
  );
});
