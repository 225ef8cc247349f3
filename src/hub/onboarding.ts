/**
 * The microphone onboarding tab. The offscreen document can never show a permission prompt,
 * so a visible extension page asks once; the grant then holds for the extension's origin
 * (field case C13).
 */
import { PAGES } from '../core/pages.ts';

export async function openOnboarding(): Promise<void> {
  const url = chrome.runtime.getURL(PAGES.onboarding);
  const [open] = await chrome.tabs.query({ url });
  if (open?.id !== undefined) {
    await chrome.tabs.update(open.id, { active: true });
    return;
  }
  await chrome.tabs.create({ url });
}
