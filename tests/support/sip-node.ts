/**
 * Runs the phone engine in Node against the test Kamailio: a global WebSocket from `ws` (sip.js
 * opens `new WebSocket(url, 'sip')`), the media-less session description handler, and helpers
 * to wait for snapshots. Every phone made here is stopped by `stopPhones()` (call it in
 * `afterEach`), so a failing test leaves nothing registered behind.
 */
import { inject } from 'vitest';
import WebSocket from 'ws';
import type { Logger } from '../../src/core/logger.ts';
import {
  Phone,
  plainSdpHandlerFactory,
  type AccountSettings,
  type CallSnapshot,
  type PhoneOptions,
  type PhoneSnapshot,
} from '../../src/engine/index.ts';
import { ACCOUNTS, SIP_DOMAIN } from './kamailio.ts';

const globals = globalThis as { WebSocket?: unknown };
globals.WebSocket ??= WebSocket;

export interface ServerAddress {
  wsUrl: string;
  domain: string;
}

export function accountFor(user: string, server: ServerAddress = inject('sip')): AccountSettings {
  const password = ACCOUNTS[user];
  if (!password) throw new Error(`no test account ${user}`);
  return { server: server.wsUrl, sipUri: `sip:${user}@${server.domain}`, password };
}

/** Collects log lines, so tests can check what reached the log. */
export function captureLogger(lines: string[]): Logger {
  const keep = (message: string, ...details: unknown[]) => {
    lines.push([message, ...details.map(String)].join(' '));
  };
  return { debug: keep, info: keep, warn: keep, error: keep };
}

/** Warnings and errors to the console, tagged with the user; debug lines dropped. */
function quietLogger(user: string): Logger {
  const show =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, ...details: unknown[]) =>
      console[level](`[${user}] ${message}`, ...details);
  return { debug: () => undefined, info: show('info'), warn: show('warn'), error: show('error') };
}

export class TestPhone {
  readonly changes: PhoneSnapshot[] = [];

  constructor(
    readonly user: string,
    readonly phone: Phone,
  ) {
    phone.onChange((snapshot) => this.changes.push(snapshot));
  }

  get now(): PhoneSnapshot {
    return this.phone.snapshot();
  }

  call(id: string): CallSnapshot | undefined {
    return this.now.calls.find((call) => call.id === id);
  }

  /** Resolves with the first snapshot (current or coming) that satisfies `test`. */
  waitFor(
    test: (snapshot: PhoneSnapshot) => boolean,
    label: string,
    timeoutMs = 5000,
  ): Promise<PhoneSnapshot> {
    if (test(this.now)) return Promise.resolve(this.now);
    return new Promise((resolve, reject) => {
      const stop = this.phone.onChange((snapshot) => {
        if (!test(snapshot)) return;
        clearTimeout(timer);
        stop();
        resolve(snapshot);
      });
      const timer = setTimeout(() => {
        stop();
        const last = JSON.stringify(this.now, null, 1);
        reject(new Error(`${this.user}: timed out waiting for ${label}; last snapshot ${last}`));
      }, timeoutMs);
    });
  }

  registered(timeoutMs?: number): Promise<PhoneSnapshot> {
    return this.waitFor((s) => s.registration.state === 'registered', 'registered', timeoutMs);
  }

  /** The first call in `state` (optionally matching more), once there is one. */
  async callIn(
    state: CallSnapshot['state'],
    more: (call: CallSnapshot) => boolean = () => true,
    timeoutMs?: number,
  ): Promise<CallSnapshot> {
    const find = (s: PhoneSnapshot) => s.calls.find((c) => c.state === state && more(c));
    const snapshot = await this.waitFor((s) => find(s) !== undefined, `a call ${state}`, timeoutMs);
    const call = find(snapshot);
    if (!call) throw new Error('unreachable');
    return call;
  }

  /** Waits until call `id` satisfies `test`. */
  async callWhere(
    id: string,
    test: (call: CallSnapshot) => boolean,
    label: string,
    timeoutMs?: number,
  ): Promise<CallSnapshot> {
    const found = (s: PhoneSnapshot) => s.calls.find((c) => c.id === id);
    const snapshot = await this.waitFor(
      (s) => {
        const call = found(s);
        return call !== undefined && test(call);
      },
      `call ${id.slice(0, 8)} ${label}`,
      timeoutMs,
    );
    const call = found(snapshot);
    if (!call) throw new Error('unreachable');
    return call;
  }
}

const started = new Set<Phone>();

export interface MakePhoneOptions extends Partial<PhoneOptions> {
  server?: ServerAddress;
  /** Start and wait until registered (default true). */
  register?: boolean;
}

export async function makePhone(user: string, options: MakePhoneOptions = {}): Promise<TestPhone> {
  const { server, register = true, ...rest } = options;
  const phone = new Phone({
    account: accountFor(user, server),
    sessionDescriptionHandlerFactory: plainSdpHandlerFactory(),
    keepAliveSeconds: 0,
    logger: quietLogger(user),
    ...rest,
  });
  started.add(phone);
  const test = new TestPhone(user, phone);
  if (register) {
    await phone.start();
    await test.registered();
  }
  return test;
}

export async function stopPhones(): Promise<void> {
  const phones = [...started];
  started.clear();
  await Promise.all(phones.map((phone) => phone.stop()));
}

/** sip.js answers a re-INVITE sent right after the ACK with 500 (RFC 5407): leave a gap. */
export const settle = (ms = 30): Promise<void> => new Promise((r) => setTimeout(r, ms));

export { SIP_DOMAIN };

/**
 * The media-less handler with a microphone that fails as getUserMedia does in a browser
 * (`NotAllowedError` when blocked, `NotFoundError` when there is none), for case C13.
 */
export function micFailingFactory(name: 'NotAllowedError' | 'NotFoundError') {
  const plain = plainSdpHandlerFactory();
  return (...args: Parameters<typeof plain>) => {
    const handler = plain(...args);
    handler.getDescription = () => Promise.reject(new DOMException('microphone', name));
    return handler;
  };
}
