/**
 * For Node tests: the contract stub on the local HTTPS server, and a fetch that reaches it
 * under the real host names (with the Zendesk agent's session cookie, as the page has it).
 */
import { startHttpsServer, type HttpsServer } from '../https-server.ts';
import { createCrmStub, type CrmStub } from './index.ts';
import { createStubFetch } from './node-fetch.ts';
import { ZD_SESSION, ZD_SUBDOMAIN } from './zendesk-data.ts';

export interface ServedStub {
  stub: CrmStub;
  server: HttpsServer;
  fetch: typeof fetch;
  close(): Promise<void>;
}

export async function serveCrmStub(): Promise<ServedStub> {
  const server = await startHttpsServer();
  const stub = createCrmStub();
  server.use(stub.handler);
  const fetch = createStubFetch({
    port: server.port,
    cookies: { [`${ZD_SUBDOMAIN}.zendesk.com`]: `_zendesk_session=${ZD_SESSION}` },
  });
  return { stub, server, fetch, close: () => server.close() };
}
