/**
 * Shared set-up for the UI's component tests (jsdom): jest-dom matchers, cleanup after each
 * test, and `t` answering from the real English catalogue the extension ships, resolved the
 * way `chrome.i18n.getMessage` resolves it (named placeholders, then `$1`…`$9`).
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import { setTranslator } from './i18n.ts';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export const catalogue = en as Record<string, Entry>;

export function resolveMessage(entry: Entry | undefined, subs: string[] = []): string {
  if (!entry) return '';
  const named = entry.message.replace(/\$([a-z0-9_]+)\$/gi, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? placeholder.content : whole;
  });
  return named.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

setTranslator((key, subs) => resolveMessage(catalogue[key], subs));

afterEach(() => {
  cleanup();
});
