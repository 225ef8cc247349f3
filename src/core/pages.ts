/**
 * Paths of the extension's own pages inside the built extension, shared by every context that
 * opens or recognises them (vite.config.ts lists the pages no manifest key names).
 */
export const PAGES = {
  offscreen: 'extension/offscreen/index.html',
  onboarding: 'extension/onboarding/index.html',
  popup: 'extension/popup/index.html',
  options: 'extension/options/index.html',
  dock: 'extension/dock/index.html',
} as const;

export type PageName = keyof typeof PAGES;
