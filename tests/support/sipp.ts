/**
 * Runs SIPp (Debian's sip-tester) with one of our scenarios as a plain SIP far end over UDP.
 * Every run is bounded: `-m` calls, `-timeout` with `-timeout_error`, so a scenario that never
 * completes fails instead of hanging; `stopSipp()` (in `afterEach`) ends any left running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { freePort } from './ports.ts';

const SCENARIOS = fileURLToPath(new URL('../sip-server/sipp/', import.meta.url));

export interface SippOptions {
  /** File name in tests/sip-server/sipp. */
  scenario: string;
  /** Send to the proxy (UAC, REGISTER); a UAS only listens. */
  toProxy: boolean;
  port?: number;
  /** `-s`: the user part a UAC calls. */
  service?: string;
  keys?: Record<string, string>;
  auth?: { user: string; password: string };
  calls?: number;
  timeoutS?: number;
}

export interface SippRun {
  port: number;
  /** Resolves with SIPp's exit code (0: every call succeeded) and its error log. */
  done: Promise<{ code: number | null; errors: string }>;
}

const running = new Set<ChildProcess>();

export async function startSipp(options: SippOptions): Promise<SippRun> {
  const port = options.port ?? (await freePort(true));
  const mediaPort = await freePort(true);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-sipp-'));
  const errorFile = path.join(dir, 'errors.log');
  const args = [
    ...(options.toProxy ? [`127.0.0.1:${inject('sip').sipPort}`] : []),
    ...['-sf', path.join(SCENARIOS, options.scenario), '-i', '127.0.0.1', '-p', String(port)],
    ...['-mp', String(mediaPort), '-m', String(options.calls ?? 1)],
    ...['-timeout', `${options.timeoutS ?? 15}s`, '-timeout_error', '-nostdin'],
    ...['-trace_err', '-error_file', errorFile],
  ];
  if (options.service) args.push('-s', options.service);
  for (const [key, value] of Object.entries(options.keys ?? {})) args.push('-key', key, value);
  if (options.auth) args.push('-au', options.auth.user, '-ap', options.auth.password);

  const child = spawn('sipp', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; errors: string }>((resolve) => {
    child.once('exit', (code) => {
      running.delete(child);
      const log = fs.existsSync(errorFile) ? fs.readFileSync(errorFile, 'utf8') : '';
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ code, errors: (stderr + log).slice(-4000) });
    });
  });
  return { port, done };
}

/** Registers a SIPp far end listening on `contactPort` as `user` (digest auth). */
export async function registerSipp(
  user: string,
  password: string,
  contactPort: number,
  expires = 60,
) {
  const run = await startSipp({
    scenario: 'register.xml',
    toProxy: true,
    keys: { user, domain: 'sip.test', contact_port: String(contactPort), expires: String(expires) },
    auth: { user, password },
    timeoutS: 5,
  });
  return run.done;
}

export async function stopSipp(): Promise<void> {
  const exits = [...running].map((child) => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    return exited;
  });
  await Promise.all(exits);
}
