/**
 * Vitest global setup for the SIP and browser projects: one real Kamailio per run on free
 * loopback ports. Test files read its address with `inject('sip')`.
 */
import type { TestProject } from 'vitest/node';
import { startKamailio, type Kamailio } from './kamailio.ts';

export interface SipServerInfo {
  wsUrl: string;
  wsPort: number;
  sipPort: number;
  domain: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sip: SipServerInfo;
  }
}

let server: Kamailio | undefined;

export async function setup(project: TestProject): Promise<void> {
  server = await startKamailio();
  const { wsUrl, wsPort, sipPort, domain } = server;
  project.provide('sip', { wsUrl, wsPort, sipPort, domain });
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
