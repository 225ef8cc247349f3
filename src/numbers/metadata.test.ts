import max from 'libphonenumber-js/metadata.max.json';
import min from 'libphonenumber-js/metadata.min.json';
import { expect, it } from 'vitest';
import { findPhoneNumbers } from './find-numbers.ts';
import countries from './metadata-countries.json';
import metadata from './metadata.json';

it('is up to date with the installed libphonenumber-js (run scripts/phone-metadata.mjs)', () => {
  const full: Record<string, unknown[]> = max.countries;
  const plans: Record<string, unknown[]> = min.countries;
  const expected: Record<string, unknown[]> = {};
  for (const [c, plan] of Object.entries(plans)) {
    const chosen = countries.full.includes(c) ? (full[c] ?? []) : plan;
    expected[c] = countries.formats.includes(c)
      ? chosen
      : chosen.map((p, i) => (i === 4 ? null : p));
  }
  // Compared as JSON, the form the generator writes.
  expect(JSON.stringify(metadata)).toBe(JSON.stringify({ ...min, countries: expected }));
});

it('still parses numbers of countries with a parse-only plan', () => {
  const found = findPhoneNumbers('Tokyo +81 3-1234-5678, Sydney +61 2 9374 4000', {
    defaultCountry: 'DE',
  });
  expect(found.map((m) => m.e164)).toEqual(['+81312345678', '+61293744000']);
});

it('keeps grouping evidence where numbers are written without a trunk prefix', () => {
  for (const [text, country] of [
    ['(212) 555-0100', 'US'],
    ['06 4567 8901', 'IT'],
    ['911 23 45 67', 'ES'],
  ] as const) {
    expect(findPhoneNumbers(text, { defaultCountry: country })).toHaveLength(1);
  }
});
