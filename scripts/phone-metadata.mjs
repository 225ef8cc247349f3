// Builds src/numbers/metadata.json: libphonenumber-js "min" metadata, with the full ("max")
// numbering plans for the countries listed in src/numbers/metadata-countries.json. Full plans
// know which digit patterns are real numbers (C22: `+49 1234567` is not); min ones mostly
// know lengths. The content script ships this file, so only the countries agents mostly call
// get full plans: see docs/numbers.md. Run after upgrading libphonenumber-js (a test checks).
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const here = (file) => new URL(`../src/numbers/${file}`, import.meta.url);

const min = require('libphonenumber-js/metadata.min.json');
const max = require('libphonenumber-js/metadata.max.json');
const { full } = JSON.parse(fs.readFileSync(here('metadata-countries.json'), 'utf8'));

const out = { ...min, countries: { ...min.countries } };
for (const country of full) out.countries[country] = max.countries[country];
fs.writeFileSync(here('metadata.json'), JSON.stringify(out) + '\n');
console.log(`metadata.json: min metadata, full plans for ${full.join(' ')}`);
