/**
 * A plain local HTTP server for the browser far end: its page from tests/browser/far-end and
 * sip.js's own ES modules from node_modules, unbundled; and any folders a caller adds (the
 * `npm start` demo peer). Loopback http is a secure context, so the page may use the
 * microphone and WebRTC.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOTS: Record<string, string> = {
  '/far-end/': fileURLToPath(new URL('../browser/far-end/', import.meta.url)),
  '/sipjs/': fileURLToPath(new URL('../../node_modules/sip.js/lib/', import.meta.url)),
};

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

function resolve(roots: Record<string, string>, urlPath: string): string | null {
  for (const [prefix, root] of Object.entries(roots)) {
    if (!urlPath.startsWith(prefix)) continue;
    const file = path.join(root, decodeURIComponent(urlPath.slice(prefix.length)));
    return file.startsWith(root) ? file : null;
  }
  return null;
}

/** `extraRoots` maps URL prefixes such as `/demo/` to folders (ending in a separator). */
export async function startStaticServer(
  extraRoots: Record<string, string> = {},
): Promise<StaticServer> {
  const roots = { ...ROOTS, ...extraRoots };
  const server = http.createServer((req, res) => {
    const file = resolve(roots, new URL(req.url ?? '/', 'http://x').pathname);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
