/**
 * Kamailio restarted under registered phones and a running call (field cases C01 and C03).
 * This file runs its own Kamailio, so restarting it disturbs no other test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startKamailio, type Kamailio } from '../support/kamailio.ts';
import { makePhone, settle, stopPhones } from '../support/sip-node.ts';

let kamailio: Kamailio;

beforeAll(async () => {
  kamailio = await startKamailio();
});
afterEach(stopPhones);
afterAll(async () => {
  await kamailio.stop();
  fs.rmSync(path.dirname(kamailio.logFile), { recursive: true, force: true });
});

async function until(test: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await test()) return Date.now() - start;
    await settle(20);
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

describe('Kamailio restarted', () => {
  it('while registered: the phone says so, reconnects and is registered within 1 s', async () => {
    const alice = await makePhone('alice', { server: kamailio });
    expect(await kamailio.contacts('alice')).toHaveLength(1);

    const restarting = kamailio.restart(300);
    const down = await alice.waitFor((s) => s.registration.state !== 'registered', 'loss');
    expect(down.registration).toMatchObject({ state: 'failed', failure: 'server-unreachable' });
    expect(down.registration.retryAt).toBeGreaterThan(Date.now() - 1000);
    await restarting;

    const backAfterMs = await until(
      async () => (await kamailio.contacts('alice')).length > 0,
      3000,
    );
    console.info(`re-registered ${backAfterMs} ms after Kamailio was back`);
    expect(backAfterMs).toBeLessThan(1000);
    await alice.registered(1000);

    // While the server was away the phone never claimed to be registered.
    const lost = alice.changes.findIndex((s) => s.registration.state === 'failed');
    const back = alice.changes.findIndex(
      (s, i) => i > lost && s.registration.state === 'registered',
    );
    const between = alice.changes.slice(lost, back).map((s) => s.registration.state);
    expect(between).not.toContain('registered');
    expect(between).toContain('registering');
  });

  it('while a call is up: the call ends on both sides as connection-lost', async () => {
    const [alice, bob] = await Promise.all([
      makePhone('bob', { server: kamailio }),
      makePhone('carol', { server: kamailio }),
    ]);
    const outId = await alice.phone.dial('sip:carol@sip.test');
    const incoming = await bob.callIn('incoming');
    await bob.phone.answer(incoming.id);
    await alice.callWhere(outId, (c) => c.state === 'active', 'active');

    await kamailio.restart();

    const [aliceEnd, bobEnd] = await Promise.all([
      alice.callWhere(outId, (c) => c.state === 'ended', 'ended', 8000),
      bob.callWhere(incoming.id, (c) => c.state === 'ended', 'ended', 8000),
    ]);
    expect(aliceEnd.endCause).toBe('connection-lost');
    expect(bobEnd.endCause).toBe('connection-lost');
    expect(aliceEnd.endDetail).toMatch(/re-INVITE after reconnect/);
    console.info(`ended: ${aliceEnd.endDetail} / ${bobEnd.endDetail}`);
    for (const phone of [alice, bob]) {
      expect(phone.now.calls.filter((c) => c.state !== 'ended')).toEqual([]);
      await phone.registered(2000);
    }
  });
});
