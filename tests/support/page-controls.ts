/**
 * Reading the extension's click-to-call controls from a test: the overlay is an open shadow
 * root, which Playwright's CSS locators pierce; the dock's root is closed and only its host
 * can be seen.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Fixture } from './crm-fixtures.ts';

export const CONTROLS = '[data-cti-host="overlay"] [data-cti-number]';

/** Every control's number (E.164 with `;ext=` where there is one), sorted. */
export async function controlNumbers(page: Page): Promise<string[]> {
  const values = await page.locator(CONTROLS).evaluateAll((els) =>
    els.map((el) => {
      const data = (el as HTMLElement).dataset;
      return data.ctiExtension ? `${data.ctiNumber};ext=${data.ctiExtension}` : data.ctiNumber;
    }),
  );
  return values.map(String).sort();
}

/** The control for `number`, visible (buttons for link numbers only show on hover). */
export function control(page: Page, number: string) {
  return page.locator(`${CONTROLS}[data-cti-number="${number}"]:not([data-cti-link])`).first();
}

/** Opens a fixture page and waits until its late content is in and every number has a control. */
export async function openFixture(page: Page, fixture: Fixture): Promise<void> {
  await page.goto(fixture.url);
  await page.waitForFunction(() => document.documentElement.dataset.fixtureLate === 'done');
  await expect
    .poll(() => page.locator(CONTROLS).count(), { timeout: 10_000 })
    .toBe(fixture.numbers.length);
}
