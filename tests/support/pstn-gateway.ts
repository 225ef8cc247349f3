/**
 * A PSTN gateway behind the test Kamailio: SIPp (uas-gateway.xml) receives every INVITE whose
 * Request-URI is a dial string (Kamailio's GATEWAY route, switched on here over JSON-RPC) and
 * writes down what was dialled, as a PBX's trunk would receive it. Each call rings briefly and
 * ends busy by itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sipRpc } from './sip-rpc.ts';
import { startSipp, stopSipp } from './sipp.ts';

export interface PstnGateway {
  /** The user parts of the Request-URIs received so far, in order. */
  dialled(): string[];
  stop(): Promise<void>;
}

export async function startPstnGateway(): Promise<PstnGateway> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-gateway-'));
  const log = path.join(dir, 'dialled.log');
  const run = await startSipp({
    scenario: 'uas-gateway.xml',
    toProxy: false,
    keys: { dialled_log: log },
    calls: 1000,
    timeoutS: 600,
  });
  await sipRpc('htable.sets', ['gw', 'uri', `sip:127.0.0.1:${run.port}`]);

  return {
    dialled: () => {
      const lines = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n') : [];
      return lines.flatMap((line) => /^INVITE sips?:([^@]+)@/.exec(line)?.[1] ?? []);
    },
    stop: async () => {
      await sipRpc('htable.delete', ['gw', 'uri']).catch(() => undefined);
      await stopSipp();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
