/**
 * Text from the extension's message catalogue (public/_locales), in the browser's language.
 * Outside an extension (unit tests) the key itself comes back, which keeps tests readable.
 */
export function t(key: string, substitutions?: string | string[]): string {
  const text = globalThis.chrome?.i18n?.getMessage(key, substitutions);
  return text || key;
}
