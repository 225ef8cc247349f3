/**
 * Number detection in the CRM fixture pages, in the built extension: every number each page
 * declares is found with the right E.164 and nothing else is (C19, C20, C22, C24), also inside
 * closed shadow roots, after content arrives late, and after in-app navigation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type LaunchedExtension } from '../support/browser.ts';
import { loadFixtures, serveFixtures } from '../support/crm-fixtures.ts';
import { startHttpsServer, type HttpsServer } from '../support/https-server.ts';
import { controlNumbers } from '../support/page-controls.ts';

const fixtures = loadFixtures();
let server: HttpsServer;
let browser: LaunchedExtension;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await startHttpsServer();
  serveFixtures(server, fixtures);
  browser = await launchExtension({ httpsPort: server.port });
  page = await browser.context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const sorted = (list: string[]) => [...list].sort();

describe.each(fixtures)('$name', (fixture) => {
  it('finds every number with its E.164, and nothing else', async () => {
    errors.length = 0;
    await page.goto(fixture.url);
    await page.waitForFunction(() => document.documentElement.dataset.fixtureLate === 'done');
    await expect
      .poll(() => controlNumbers(page), { timeout: 5000 })
      .toEqual(sorted(fixture.numbers));
    expect(errors).toEqual([]);
  });

  // Only fixtures with in-app navigation get this test: none is generated to be skipped.
  const navigate = fixture.navigate;
  if (!navigate) return;
  it('keeps working after navigation inside the app', async () => {
    await page.locator(navigate.click).click();
    await page.waitForURL(navigate.url);
    await expect
      .poll(() => controlNumbers(page), { timeout: 5000 })
      .toEqual(sorted(navigate.numbers));
    expect(errors).toEqual([]);
  });
});
