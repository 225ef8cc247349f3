import max from 'libphonenumber-js/metadata.max.json';
import min from 'libphonenumber-js/metadata.min.json';
import { expect, it } from 'vitest';
import { formatForDisplay } from './display.ts';
import { findPhoneNumbers } from './find-numbers.ts';
import countries from './metadata-countries.json';
import metadata from './metadata.json';

it('is up to date with the installed libphonenumber-js (run scripts/phone-metadata.mjs)', () => {
  const full: Record<string, unknown[]> = max.countries;
  const plans: Record<string, unknown[]> = min.countries;
  const expected: Record<string, unknown[]> = {};
  for (const [c, plan] of Object.entries(plans)) {
    expected[c] = countries.full.includes(c)
      ? (full[c] ?? [])
      : plan.map((p, i) => (i === 4 ? [] : p));
  }
  expect(metadata).toEqual({ ...min, countries: expected });
});

it('still parses numbers of countries with a parse-only plan, shown unformatted', () => {
  const found = findPhoneNumbers('Tokyo +81 3-1234-5678, Sydney +61 2 9374 4000', {
    defaultCountry: 'DE',
  });
  expect(found.map((m) => m.e164)).toEqual(['+81312345678', '+61293744000']);
  expect(formatForDisplay('+81312345678')).toBe('+81 312345678');
  expect(formatForDisplay('+49301234567;ext=12')).toBe('+49 30 1234567 ext. 12');
});
