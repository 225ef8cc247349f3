/**
 * The demo's first two steps: the system packages it needs (installed by
 * scripts/install-system-deps.sh where it can, else named), and a fresh build of the
 * extension, so the browser never runs an older dist/ than the source.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from '../../tests/support/browser.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INSTALLER = fileURLToPath(new URL('../install-system-deps.sh', import.meta.url));
const VITE = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));

/** A step the demo cannot go past; the message says what to do. */
export class DemoError extends Error {
  override name = 'DemoError';
}

interface Ran {
  code: number;
  output: string;
}

function run(command: string, args: string[], echo: boolean): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (echo) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Installs what is missing when it can (root on Debian/Ubuntu), else says what to install. */
export async function ensureSystemPackages(): Promise<void> {
  const { code, output } = await run('bash', [INSTALLER], true);
  if (code !== 0) {
    const said = output.trim() || `${INSTALLER} exited with ${code}`;
    throw new DemoError(`system packages missing. ${said}`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new DemoError(
      `no Chromium at ${CHROMIUM}; install Debian's chromium or set CHROMIUM_PATH`,
    );
  }
}

/** `vite build` into dist/; returns how long it took. */
export async function buildExtension(): Promise<number> {
  const started = Date.now();
  const { code, output } = await run(
    process.execPath,
    [VITE, 'build', '--logLevel', 'warn'],
    false,
  );
  if (code !== 0) throw new DemoError(`the extension did not build:\n${output}`);
  return Date.now() - started;
}
