import { describe, expect, it } from 'vitest';
import countries from './metadata-countries.json';
import { metadata, parseWithMetadata, type CountryCode } from './phone-lib.ts';
import { fastParse } from './plans.ts';

/** A small seeded generator, so a failure names numbers that fail again. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const digits = (rand: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');

const sample = [...countries.full, 'JP', 'AU', 'BR', 'IN', 'JM', 'GG', 'RU', 'AR', 'MX'];
const RUNS = 1500;

describe('the fast path agrees with libphonenumber-js', () => {
  it.each(sample)('for international numbers of %s', (country) => {
    const rand = random(country.charCodeAt(0) * 31 + country.charCodeAt(1));
    const code = String((metadata.countries as Record<string, unknown[]>)[country]?.[0]);
    let handled = 0;
    let valid = 0;
    for (let i = 0; i < RUNS; i++) {
      const number = code + digits(rand, 4 + Math.floor(rand() * 9));
      const library = parseWithMetadata(`+${number}`, 'DE');
      const fast = fastParse(number, true, 'DE');
      if (library?.isValid()) valid++;
      if (!fast) continue;
      handled++;
      expect({ number, e164: fast.e164 }).toEqual({ number, e164: library?.number });
      expect({ number, valid: true }).toEqual({ number, valid: library?.isValid() });
    }
    // The rest starts with a trunk prefix or carrier code: left to the library on purpose.
    expect(handled).toBeGreaterThanOrEqual(valid * 0.8);
  });

  it.each(sample)('for numbers written nationally in %s', (country) => {
    const rand = random(country.charCodeAt(1) * 17 + 7);
    for (let i = 0; i < RUNS; i++) {
      const number = digits(rand, 5 + Math.floor(rand() * 9));
      const fast = fastParse(number, false, country as CountryCode);
      if (!fast) continue;
      const library = parseWithMetadata(number, country as CountryCode);
      expect({ number, e164: fast.e164 }).toEqual({ number, e164: library?.number });
      expect({ number, valid: true }).toEqual({ number, valid: library?.isValid() });
      const trunk = number.length > (library?.nationalNumber.length ?? 0);
      expect({ number, trunk: fast.trunk }).toEqual({ number, trunk });
    }
  });
});
