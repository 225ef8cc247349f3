// Builds src/numbers/metadata.json from libphonenumber-js's own metadata: the full ("max")
// numbering plan for each country in `full` of src/numbers/metadata-countries.json, the "min"
// plan for every other country, and formats (index 4 of a plan) only for the countries in
// `formats`. Full plans know which digit patterns are real numbers (C22: `+49 1234567` is
// not); min plans mostly know lengths. Formats are half of the metadata and only tell how a
// number is grouped, which is evidence only where numbers are written without a trunk prefix.
// The content script ships this file: see docs/numbers.md.
// Run after upgrading libphonenumber-js: `node scripts/phone-metadata.mjs` (a unit test checks).
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const here = (file) => new URL(`../src/numbers/${file}`, import.meta.url);

const min = require('libphonenumber-js/metadata.min.json');
const max = require('libphonenumber-js/metadata.max.json');
const { full, formats } = JSON.parse(fs.readFileSync(here('metadata-countries.json'), 'utf8'));

const countries = {};
for (const [country, plan] of Object.entries(min.countries)) {
  const chosen = full.includes(country) ? max.countries[country] : plan;
  countries[country] = formats.includes(country) ? chosen : withoutFormats(chosen);
}
const out = { ...min, countries };
fs.writeFileSync(here('metadata.json'), JSON.stringify(out) + '\n');
console.log(`metadata.json: ${full.length} full plans, formats for ${formats.length} countries`);

function withoutFormats(plan) {
  // null, not []: the library then falls back to the formats of the calling code's main country.
  return plan.map((part, index) => (index === 4 ? null : part));
}
