import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXTENSION_ID, launchExtension, type LaunchedExtension } from '../support/browser.ts';

let browser: LaunchedExtension;

beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(async () => {
  await browser.close();
});

it('loads the built extension with the stable development id', async () => {
  expect(browser.extensionId).toBe(EXTENSION_ID);
  const worker = await browser.serviceWorker();
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest().manifest_version);
  expect(manifest).toBe(3);
});
