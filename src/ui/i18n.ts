/**
 * User-visible text comes from public/_locales via `chrome.i18n`, which follows the browser's
 * language by itself. Components call `t`; tests install a translator that reads the English
 * catalogue, so components never touch `chrome` directly.
 */
export type Translator = (key: string, substitutions?: string[]) => string;

const chromeTranslator: Translator = (key, substitutions) =>
  chrome.i18n.getMessage(key, substitutions);

let translate: Translator | undefined;

/** Replace the translator (tests); `null` goes back to `chrome.i18n`. */
export function setTranslator(next: Translator | null): void {
  translate = next ?? undefined;
}

/**
 * The message for `key`, with `$1`, `$2` … replaced by `subs`. An unknown key shows as the key
 * itself, so a missing entry is visible instead of an empty label.
 */
export function t(key: string, ...subs: (string | number)[]): string {
  const active = translate ?? chromeTranslator;
  const text = active(
    key,
    subs.map((s) => String(s)),
  );
  return text === '' ? key : text;
}

/** The language the catalogue answered in, for `<html lang>` and number or date formats. */
export function uiLanguage(): string {
  if (translate || typeof chrome === 'undefined' || !chrome.i18n) return 'en';
  return chrome.i18n.getUILanguage();
}
