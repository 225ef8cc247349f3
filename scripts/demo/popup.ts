/**
 * The toolbar popup opened in a tab at the popup's size, for the scripted call: it dials,
 * answers and hangs up with the popup's own controls where the popup has them, and otherwise
 * sends the same hub messages the popup would; either way it says which it used. It also
 * saves screenshots of the popup.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PAGES } from '../../src/core/pages.ts';
import type { LaunchedExtension } from '../../tests/support/browser.ts';
import { hubClient, type HubClient } from '../../tests/support/hub-client.ts';

/** Chrome's popups are at most 800x600; 360 wide is what the popup is designed for. */
const VIEWPORT = { width: 360, height: 600 };

// The popup's markup (src/ui/phone): the dial form, and each call as a list item by state.
const DIAL_INPUT = 'form.dial input';
const DIAL_BUTTON = 'form.dial button[type=submit]';
const ANSWER_BUTTON = 'li.call-incoming button.primary';
const HANGUP_BUTTON = 'li.call-active button.danger';

export type Via = 'popup' | 'hub message';

export interface Popup {
  hub: HubClient;
  /** Whether the popup has its dial form; if not, commands go as hub messages. */
  hasControls: boolean;
  dial(target: string): Promise<Via>;
  answer(callId: string): Promise<Via>;
  hangup(callId: string): Promise<Via>;
  /** Saves a PNG named `name` in the output folder; returns its path. */
  screenshot(name: string): Promise<string>;
}

export async function openPopup(browser: LaunchedExtension, outputDir: string): Promise<Popup> {
  const page = await browser.openPage(PAGES.popup);
  await page.setViewportSize(VIEWPORT);
  const hub = hubClient(page);
  const hasControls = await appears(page, DIAL_INPUT, 3000);

  const click = async (selector: string): Promise<boolean> => {
    if (!hasControls || !(await appears(page, selector, 3000))) return false;
    await page.click(selector);
    return true;
  };

  return {
    hub,
    hasControls,
    dial: async (target) => {
      if (hasControls) {
        await page.fill(DIAL_INPUT, target);
        await page.click(DIAL_BUTTON);
        return 'popup';
      }
      await hub.send('phone.dial', { target });
      return 'hub message';
    },
    answer: async (callId) => {
      if (await click(ANSWER_BUTTON)) return 'popup';
      await hub.send('call.answer', { callId });
      return 'hub message';
    },
    hangup: async (callId) => {
      if (await click(HANGUP_BUTTON)) return 'popup';
      await hub.send('call.hangup', { callId });
      return 'hub message';
    },
    screenshot: async (name) => {
      const file = path.join(outputDir, `${name}.png`);
      // Let the view render the state just pushed to it.
      await page.waitForTimeout(300);
      await page.screenshot({ path: file });
      return file;
    },
  };
}

async function appears(page: Page, selector: string, timeoutMs: number): Promise<boolean> {
  try {
    await page.waitForSelector(selector, { timeout: timeoutMs });
    return true;
  } catch {
    return false;
  }
}
