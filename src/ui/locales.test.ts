/**
 * Every catalogue key the views use exists in English and German, and the two catalogues
 * agree on keys and on the `$n` substitutions each message takes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import de from '../../public/_locales/de/messages.json' with { type: 'json' };
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import { DEFAULT_SETTINGS } from '../settings/settings.ts';

type Catalogue = Record<string, { message: string }>;
const catalogues: Record<string, Catalogue> = { en, de };

const PREFIXES = 'ui|dial|call|transfer|reg|media|phone|announce|dock|caller|options|onboarding';
const KEY_LITERAL = new RegExp(`'((?:${PREFIXES})[A-Z][A-Za-z0-9]*)'`, 'g');

function usedKeys(): Set<string> {
  const dir = path.dirname(new URL(import.meta.url).pathname);
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
  const keys = new Set<string>();
  for (const file of files) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const match of source.matchAll(KEY_LITERAL)) keys.add(match[1] ?? '');
  }
  // Setting names such as 'dialFormat' share the prefixes but are not catalogue keys.
  for (const setting of Object.keys(DEFAULT_SETTINGS)) {
    keys.delete(setting);
  }
  return keys;
}

const substitutions = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();

describe('message catalogues', () => {
  it('have the same keys in English and German', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(catalogues))('%s holds every key the views use', (lang) => {
    const catalogue = catalogues[lang] ?? {};
    const keys = usedKeys();
    expect(keys.size).toBeGreaterThan(50);
    expect([...keys].filter((key) => !catalogue[key]?.message)).toEqual([]);
  });

  it('take the same substitutions in both languages', () => {
    const mismatched = Object.entries(en as Catalogue).filter(
      ([key, { message }]) =>
        substitutions(message).join() !==
        substitutions((de as Catalogue)[key]?.message ?? '').join(),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });
});
