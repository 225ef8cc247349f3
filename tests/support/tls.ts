/**
 * Test-only TLS material for the local CRM and PBX hosts. The browser trusts the leaf by its
 * SPKI hash (`--ignore-certificate-errors-spki-list`), which, unlike Playwright's
 * `ignoreHTTPSErrors`, also covers the service worker and the offscreen document.
 *
 * Regenerate (tests/fixtures/certs):
 *   openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 \
 *     -subj "/CN=CTI Softphone Test CA"
 *   openssl req -newkey rsa:2048 -nodes -keyout leaf.key -out leaf.csr -subj "/CN=cti-test"
 *   openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out leaf.pem \
 *     -days 3650 -extfile leaf.ext
 *   openssl x509 -in leaf.pem -pubkey -noout | openssl pkey -pubin -outform der \
 *     | openssl dgst -sha256 -binary | base64 > leaf.spki
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/certs/${name}`, import.meta.url));

export const tls = {
  key: fs.readFileSync(dir('leaf.key')),
  cert: fs.readFileSync(dir('leaf.pem')),
  spki: fs.readFileSync(dir('leaf.spki'), 'utf8').trim(),
};
