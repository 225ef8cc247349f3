/**
 * Starts and stops a real Kamailio for tests and the demo. It runs in its own process group
 * under a shell watchdog whose stdin is a pipe from this process: when Node dies, even by
 * SIGKILL, the pipe closes and the watchdog stops Kamailio, so a crashed runner leaves
 * nothing behind. Ports are free random loopback ports unless given.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.ts';

/** One JSON-RPC call to Kamailio's jsonrpcs over HTTP (its /RPC path on the WebSocket port). */
export async function jsonRpc<T = unknown>(
  url: string,
  method: string,
  params: unknown[] = [],
): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    body: JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 }),
    signal: AbortSignal.timeout(2000),
  });
  const body = (await res.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`kamailio rpc ${method}: ${body.error.message}`);
  return body.result as T;
}

const CFG = fileURLToPath(new URL('../sip-server/kamailio.cfg', import.meta.url));
export const SIP_DOMAIN = 'sip.test';

/**
 * Test and demo accounts: user name to password. Never use outside tests. `2000` is the
 * `npm start` demo peer, a number so that it can be dialled like a colleague's extension.
 */
export const ACCOUNTS: Record<string, string> = Object.fromEntries(
  ['alice', 'bob', 'carol', 'dave', 'sipp', 'agent', 'demo', 'far', 'caller', '2000']
    .concat(Array.from({ length: 40 }, (_, i) => `u${i}`))
    .map((user) => [user, `${user}-secret`]),
);

// `sh` gives background jobs /dev/null as stdin, hence the copy to fd 3.
const WATCHDOG =
  'exec 3<&0; kamailio "$@" </dev/null & k=$!; echo $k > "$KAM_PIDFILE"; ' +
  '(cat <&3 >/dev/null; kill -TERM $k 2>/dev/null) & exec 3<&-; wait $k';

export interface KamailioOptions {
  wsPort?: number;
  sipPort?: number;
  /** Folder for config copy, pid and log; a fresh temp folder by default. */
  runDir?: string;
}

export interface Kamailio {
  wsUrl: string;
  wsPort: number;
  sipPort: number;
  domain: string;
  logFile: string;
  pid: number;
  stop(): Promise<void>;
  /** Kill the whole process group at once, as a crash would. */
  kill(): Promise<void>;
  /** Stop, then start again on the same ports. */
  restart(downMs?: number): Promise<void>;
  rpc<T = unknown>(method: string, params?: unknown[]): Promise<T>;
  /** Contacts registered for a user, read from the registrar. */
  contacts(user: string): Promise<string[]>;
}

export async function startKamailio(options: KamailioOptions = {}): Promise<Kamailio> {
  const wsPort = options.wsPort ?? (await freePort());
  const sipPort = options.sipPort ?? (await freePort(true));
  const runDir = options.runDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cti-kamailio-'));
  fs.mkdirSync(runDir, { recursive: true });
  fs.copyFileSync(CFG, path.join(runDir, 'kamailio.cfg'));
  const users = Object.entries(ACCOUNTS).map(([u, p]) => `$sht(users=>${u}) = "${p}";`);
  fs.writeFileSync(path.join(runDir, 'users.cfg'), users.join('\n') + '\n');
  const logFile = path.join(runDir, 'kamailio.log');
  const pidFile = path.join(runDir, 'kamailio.pid');
  const rpcUrl = `http://127.0.0.1:${wsPort}/RPC`;

  const rpc = <T>(method: string, params: unknown[] = []) => jsonRpc<T>(rpcUrl, method, params);

  let child: ChildProcess | undefined;
  let pid = 0;

  const launch = async (): Promise<void> => {
    fs.rmSync(pidFile, { force: true });
    const out = fs.openSync(logFile, 'a');
    const args = ['-DD', '-E', '-f', path.join(runDir, 'kamailio.cfg'), '-Y', runDir, '-w', runDir];
    args.push('-m', '32', '-M', '4', '-A', `WS_PORT=${wsPort}`, '-A', `SIP_PORT=${sipPort}`);
    const proc = spawn('sh', ['-c', WATCHDOG, 'sh', ...args], {
      stdio: ['pipe', out, out],
      env: { ...process.env, KAM_PIDFILE: pidFile },
      detached: true,
    });
    fs.closeSync(out);
    child = proc;
    let exited = false;
    proc.once('exit', () => (exited = true));

    const deadline = Date.now() + 10_000;
    for (;;) {
      if (exited) throw new Error(`kamailio exited while starting; see ${logFile}`);
      if (Date.now() > deadline) throw new Error(`kamailio not ready in 10 s; see ${logFile}`);
      // Ready means JSON-RPC answers and it is our process, not a stale one on the port.
      try {
        const expected = Number(fs.readFileSync(pidFile, 'utf8'));
        const procs = await rpc<{ IDX: number; PID: number }[]>('core.psx');
        if (procs.find((p) => p.IDX === 0)?.PID === expected) {
          pid = expected;
          return;
        }
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  const halt = async (signal: 'SIGTERM' | 'SIGKILL'): Promise<void> => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = once(proc, 'exit');
    try {
      if (signal === 'SIGKILL' && proc.pid) process.kill(-proc.pid, 'SIGKILL');
      else process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
    proc.stdin?.destroy();
    if (signal === 'SIGKILL') await new Promise((r) => setTimeout(r, 50));
  };

  await launch();

  const contacts = async (user: string): Promise<string[]> => {
    try {
      type Lookup = { AoR: string; Contacts: { Contact: { Address: string } }[] };
      const found = await rpc<Lookup>('ul.lookup', ['location', `${user}@${SIP_DOMAIN}`]);
      return found.Contacts.map((c) => c.Contact.Address);
    } catch {
      return [];
    }
  };

  return {
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    wsPort,
    sipPort,
    domain: SIP_DOMAIN,
    logFile,
    get pid() {
      return pid;
    },
    stop: async () => {
      await halt('SIGTERM');
      // A run folder made here goes with the server; set CTI_KEEP_KAMAILIO_LOGS to keep it.
      if (!options.runDir && !process.env.CTI_KEEP_KAMAILIO_LOGS) {
        fs.rmSync(runDir, { recursive: true, force: true });
      }
    },
    kill: () => halt('SIGKILL'),
    restart: async (downMs = 0) => {
      await halt('SIGTERM');
      if (downMs) await new Promise((r) => setTimeout(r, downMs));
      await launch();
    },
    rpc,
    contacts,
  };
}
