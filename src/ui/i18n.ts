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

/**
 * The language of the catalogue in use, for `<html lang>` and for date and country names.
 * Read from the catalogue itself: with `--lang` Chromium answers in that language while
 * `getUILanguage()` may still report the system's.
 */
export function uiLanguage(): string {
  const code = t('uiLang');
  return code === 'uiLang' ? 'en' : code;
}
