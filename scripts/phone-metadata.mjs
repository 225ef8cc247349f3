// Builds src/numbers/metadata.json from libphonenumber-js's own metadata: the full ("max")
// numbering plan for each country listed in src/numbers/metadata-countries.json, and for every
// other country its "min" plan without formats (index 4 of a plan). Full plans know which digit
// patterns are real numbers (C22: `+49 1234567` is not); min plans only know lengths. Formats
// are half of the metadata and only shape how a number is displayed, so the content script
// (which ships this file) keeps them where agents mostly call. See docs/numbers.md.
// Run after upgrading libphonenumber-js: `node scripts/phone-metadata.mjs` (a unit test checks).
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const here = (file) => new URL(`../src/numbers/${file}`, import.meta.url);

const min = require('libphonenumber-js/metadata.min.json');
const max = require('libphonenumber-js/metadata.max.json');
const { full } = JSON.parse(fs.readFileSync(here('metadata-countries.json'), 'utf8'));

const countries = {};
for (const [country, plan] of Object.entries(min.countries)) {
  countries[country] = full.includes(country) ? max.countries[country] : withoutFormats(plan);
}
const out = { ...min, countries };
fs.writeFileSync(here('metadata.json'), JSON.stringify(out) + '\n');
console.log(`metadata.json: full plans for ${full.length} countries, parse-only for the rest`);

function withoutFormats(plan) {
  return plan.map((part, index) => (index === 4 ? [] : part));
}
