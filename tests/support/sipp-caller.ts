/**
 * An outside caller from a phone number, played by SIPp over UDP through the test Kamailio
 * (tests/sip-server/sipp/uac-caller.xml): it rings a local user with a chosen number and
 * display name (untrusted text, C28), and cancels after `ringMs` unless answered. Always
 * bounded by SIPp's own timeout; `stop()` kills it early.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.ts';

const SCENARIO = fileURLToPath(new URL('../sip-server/sipp/uac-caller.xml', import.meta.url));

export interface CallerOptions {
  sipPort: number;
  domain: string;
  /** The local user to ring, e.g. `alice`. */
  to: string;
  /** E.164, e.g. `+493012345670`. */
  number: string;
  display?: string;
  ringMs?: number;
}

export interface SippCall {
  /** SIPp's exit code: 0 when the call went as the scenario says. */
  exited: Promise<number>;
  output(): string;
  stop(): void;
}

export async function callFrom(options: CallerOptions): Promise<SippCall> {
  const port = await freePort(true);
  const ringMs = options.ringMs ?? 20_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-sipp-'));
  const scenario = path.join(dir, 'uac-caller.xml');
  fs.writeFileSync(
    scenario,
    fs.readFileSync(SCENARIO, 'utf8').replaceAll('timeout="RING_MS"', `timeout="${ringMs}"`),
  );
  const args = [
    `127.0.0.1:${options.sipPort}`,
    ['-sf', scenario],
    ['-i', '127.0.0.1', '-p', String(port)],
    ['-s', options.to],
    ['-key', 'domain', options.domain],
    ['-key', 'number', options.number],
    ['-key', 'display', options.display ?? 'Caller'],
    ['-m', '1', '-nostdin'],
    ['-timeout', String(Math.ceil(ringMs / 1000) + 60), '-timeout_error'],
  ].flat();
  const child = spawn('sipp', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));

  const exited = new Promise<number>((resolve) =>
    child.on('exit', (code) => {
      fs.rmSync(dir, { recursive: true, force: true });
      resolve(code ?? -1);
    }),
  );
  return {
    exited,
    output: () => text,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
