// Packs dist/ into a zip for the Chrome Web Store. The store assigns its own id, so the
// development key (which pins the id for tests and policy) is left out of the packed manifest.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dist = path.resolve('dist');
const { version } = JSON.parse(fs.readFileSync(path.join(dist, 'manifest.json'), 'utf8'));
const stage = path.resolve('dist-store');
fs.rmSync(stage, { recursive: true, force: true });
fs.cpSync(dist, stage, { recursive: true });
const manifestPath = path.join(stage, 'manifest.json');
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
delete manifest.key;
fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
const zip = path.resolve(`cti-softphone-${version}.zip`);
fs.rmSync(zip, { force: true });
execFileSync('zip', ['-qr', zip, '.'], { cwd: stage });
fs.rmSync(stage, { recursive: true, force: true });
console.log(`store package: ${path.basename(zip)} (${fs.statSync(zip).size} bytes)`);
