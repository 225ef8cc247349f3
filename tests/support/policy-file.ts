/**
 * A real Chromium policy file for the extension (`3rdparty.extensions.<id>`), in the folder
 * Debian's Chromium reads and watches. The file is machine-wide and affects every Chromium on
 * the machine, so it lives only while a test needs it: removed on `remove()`, on process exit
 * and on SIGINT/SIGTERM; files left by a runner that was killed outright are removed by the
 * next run (their process is gone). Writing it needs root.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_ID } from './browser.ts';

export const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
const PREFIX = 'cti-softphone-test-';

/** Why this machine cannot run policy tests, or undefined when it can. */
export function policyFileUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return `writing ${POLICY_DIR} needs root`;
  return undefined;
}

function removeStale(): void {
  if (!fs.existsSync(POLICY_DIR)) return;
  for (const name of fs.readdirSync(POLICY_DIR)) {
    const pid = Number(/^cti-softphone-test-(\d+)\.json$/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      fs.rmSync(path.join(POLICY_DIR, name), { force: true });
    }
  }
}

export interface PolicyFile {
  path: string;
  /** Replace the extension's policy; Chromium notices the change within seconds. */
  write(policy: Record<string, unknown>): void;
  remove(): void;
}

export function createPolicyFile(): PolicyFile {
  removeStale();
  fs.mkdirSync(POLICY_DIR, { recursive: true });
  const file = path.join(POLICY_DIR, `${PREFIX}${process.pid}.json`);
  const remove = (): void => fs.rmSync(file, { force: true });
  const onSignal = (signal: NodeJS.Signals): void => {
    remove();
    process.kill(process.pid, signal);
  };

  process.once('exit', remove);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  return {
    path: file,
    write: (policy) => {
      const body = { '3rdparty': { extensions: { [EXTENSION_ID]: policy } } };
      // Write beside the watched folder, then rename: Chromium never reads half a file.
      const draft = path.join(path.dirname(POLICY_DIR), `.${PREFIX}${process.pid}.draft`);
      fs.writeFileSync(draft, JSON.stringify(body, null, 2));
      fs.renameSync(draft, file);
    },
    remove: () => {
      remove();
      process.off('exit', remove);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
