import max from 'libphonenumber-js/metadata.max.json';
import min from 'libphonenumber-js/metadata.min.json';
import { expect, it } from 'vitest';
import countries from './metadata-countries.json';
import metadata from './metadata.json';

it('is up to date with the installed libphonenumber-js (run scripts/phone-metadata.mjs)', () => {
  const full: Record<string, unknown> = max.countries;
  const expected = { ...min, countries: { ...min.countries } };
  for (const c of countries.full) Object.assign(expected.countries, { [c]: full[c] });
  expect(metadata).toEqual(expected);
});
