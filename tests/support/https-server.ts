/**
 * A local HTTPS server standing in for the CRM hosts: fixture pages by host and path, plus
 * hooks for the CRM API contract stubs. One port serves every host; the browser maps the
 * real host names onto it.
 */
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tls } from './tls.ts';

export type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) => boolean | Promise<boolean>;

export interface HttpsServer {
  port: number;
  /** Add a handler; handlers run in order until one returns true. Returns a remover. */
  use(handler: Handler): () => void;
  close(): Promise<void>;
}

export async function startHttpsServer(): Promise<HttpsServer> {
  const handlers: Handler[] = [];
  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'localhost'}`);
    void (async () => {
      for (const handler of handlers) {
        if (await handler(req, res, url)) return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    })().catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    use: (handler) => {
      handlers.push(handler);
      return () => handlers.splice(handlers.indexOf(handler), 1);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
