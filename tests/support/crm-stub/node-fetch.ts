/**
 * A fetch for Node tests that reaches the local HTTPS stub under the CRMs' real host names,
 * the way the browser does with host-resolver rules: every connection goes to 127.0.0.1:port,
 * TLS is verified against the test CA with the real host as SNI, the Host header is the
 * URL's. Cookies the browser would add (Zendesk's session) are passed in.
 */
import https from 'node:https';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const CA = fs.readFileSync(fileURLToPath(new URL('../../fixtures/certs/ca.pem', import.meta.url)));

export interface StubFetchOptions {
  port: number;
  /** Cookie header per host, sent when a request's credentials allow cookies. */
  cookies?: Record<string, string>;
}

export function createStubFetch(options: StubFetchOptions): typeof fetch {
  return (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init.headers);
    const cookie = options.cookies?.[url.hostname];
    if (cookie && init.credentials !== 'omit') headers.set('cookie', cookie);

    return new Promise<Response>((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port: options.port,
          servername: url.hostname,
          ca: CA,
          method: init.method ?? 'GET',
          path: url.pathname + url.search,
          headers: { ...Object.fromEntries(headers), host: url.host },
          signal: init.signal ?? undefined,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const responseHeaders = new Headers();
            for (const [key, value] of Object.entries(res.headers)) {
              if (typeof value === 'string') responseHeaders.set(key, value);
            }
            const status = res.statusCode ?? 500;
            const body = status === 204 ? null : Buffer.concat(chunks);
            resolve(new Response(body, { status, headers: responseHeaders }));
          });
        },
      );
      req.on('error', (error) => reject(new TypeError(`fetch failed: ${error.message}`)));
      if (typeof init.body === 'string') req.write(init.body);
      req.end();
    });
  };
}
