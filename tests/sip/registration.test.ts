import { afterEach, describe, expect, inject, it } from 'vitest';
import { startFreezableProxy } from '../support/freezable-proxy.ts';
import { freePort } from '../support/ports.ts';
import { registeredBindings, registeredContacts } from '../support/registrar.ts';
import { accountFor, captureLogger, makePhone, stopPhones } from '../support/sip-node.ts';

afterEach(stopPhones);

describe('registration against Kamailio', () => {
  it('registers with the right password and unregisters on stop', async () => {
    const alice = await makePhone('u0');
    expect(alice.now.registration.state).toBe('registered');
    expect(await registeredContacts('u0')).toHaveLength(1);

    await alice.phone.stop();
    expect(alice.now.registration.state).toBe('unregistered');
    expect(await registeredContacts('u0')).toEqual([]);
  });

  it('refuses a wrong password once, as final, without retrying', async () => {
    const lines: string[] = [];
    const wrong = { ...accountFor('u1'), password: 'not-the-password' };
    const phone = await makePhone('u1', {
      account: wrong,
      register: false,
      logger: captureLogger(lines),
      sipLogLevel: 'debug',
    });
    await phone.phone.start();
    const snapshot = phone.now.registration;
    expect(snapshot).toMatchObject({ state: 'failed', failure: 'credentials-rejected' });
    expect(snapshot.detail).toMatch(/^403/);
    expect(snapshot.retryAt).toBeUndefined();

    // A call is refused at once, before an INVITE leaves: the callee never rings.
    const callee = await makePhone('u0');
    await expect(phone.phone.dial('sip:u0@sip.test')).rejects.toMatchObject({
      code: 'login-rejected',
    });
    expect(phone.now.calls).toEqual([]);

    await new Promise((r) => setTimeout(r, 1500));
    expect(callee.changes.some((s) => s.calls.length > 0)).toBe(false);
    const failures = phone.changes.filter((s) => s.registration.state === 'failed');
    expect(failures).toHaveLength(1);
    expect(await registeredContacts('u1')).toEqual([]);
    const log = lines.join('\n');
    expect(log).toContain('REGISTER failed: 403');
    expect(log).not.toContain('not-the-password');
    expect(log).not.toMatch(/Authorization:|response="/i);
  });
});

describe('registration edge cases', () => {
  it('registers with a server address written in capitals, as the checks accepted it', async () => {
    const account = accountFor('u2');
    const loud = { ...account, server: account.server.replace(/^ws:/, 'WS:') };
    const phone = await makePhone('u2', { account: loud });
    expect(phone.now.registration.state).toBe('registered');
  });

  it('reports invalid settings without touching the network', async () => {
    const phone = await makePhone('u0', {
      account: { ...accountFor('u0'), server: 'http://wrong.example.test' },
      register: false,
    });
    await phone.phone.start();
    expect(phone.now.registration).toMatchObject({ state: 'failed', failure: 'invalid-settings' });
    expect(phone.now.registration.problems).toEqual([{ field: 'server', code: 'invalidUrl' }]);
  });

  it('reports an unreachable server, with the time of the next attempt', async () => {
    const port = await freePort();
    const phone = await makePhone('u0', {
      account: { ...accountFor('u0'), server: `ws://127.0.0.1:${port}` },
      register: false,
    });
    await phone.phone.start();
    const { registration } = phone.now;
    expect(registration).toMatchObject({ state: 'failed', failure: 'server-unreachable' });
    expect(registration.retryAt).toBeGreaterThan(Date.now());
    expect(registration.retryAt).toBeLessThan(Date.now() + 1000);

    // Never connected with these settings: a retry is no "reconnect" (a wrong address, most likely).
    const failures = () => phone.changes.filter((s) => s.registration.state === 'failed');
    await phone.waitFor(() => failures().length >= 2, 'a second failed attempt', 3000);
    for (const { registration: failed } of failures()) {
      expect(failed.cause).toBe('connect-failed');
      expect(failed.detail).toMatch(/^WebSocket closed ws:\/\/127\.0\.0\.1:\d+ \(code: 1006\)$/);
    }
  });

  it('reconnects after losing a connection that worked, and says so', async () => {
    const proxy = await startFreezableProxy(inject('sip').wsPort);
    try {
      const server = { wsUrl: proxy.url, domain: 'sip.test' };
      const phone = await makePhone('u4', { server });
      await proxy.close();
      const again = await phone.waitFor(
        (s) => s.registration.cause === 'reconnect-failed',
        'a failed reconnect',
        4000,
      );
      expect(again.registration).toMatchObject({ failure: 'server-unreachable' });
      expect(again.registration.detail).toMatch(/^WebSocket closed /);
      const causes = phone.changes.map((s) => s.registration.cause).filter(Boolean);
      expect(causes[0]).toBe('connection-lost');
      expect(causes).not.toContain('connect-failed');
    } finally {
      await stopPhones();
      await proxy.close().catch(() => undefined);
    }
  });

  it('registers once the settings are corrected after a rejected password', async () => {
    const phone = await makePhone('u1', {
      account: { ...accountFor('u1'), password: 'wrong' },
      register: false,
    });
    await phone.phone.start();
    expect(phone.now.registration.failure).toBe('credentials-rejected');
    await phone.phone.reconfigure(accountFor('u1'));
    await phone.registered();
    expect(await registeredContacts('u1')).toHaveLength(1);
  });

  it('refreshes the registration before it expires', async () => {
    const phone = await makePhone('u2', { account: { ...accountFor('u2'), registerExpires: 5 } });
    const [before] = await registeredBindings('u2');
    await new Promise((r) => setTimeout(r, 5000));
    const after = await registeredBindings('u2');
    expect(after).toHaveLength(1);
    expect(after[0]?.cseq).toBeGreaterThan(before?.cseq ?? Infinity);
    expect(phone.changes.map((s) => s.registration.state)).not.toContain('failed');
  }, 10_000);

  it('detects a half-open connection by keep-alive, registers again (C01 variant B)', async () => {
    const proxy = await startFreezableProxy(inject('sip').wsPort);
    try {
      const server = { wsUrl: proxy.url, domain: 'sip.test' };
      const phone = await makePhone('u3', { server, keepAliveSeconds: 1 });
      const frozenAt = Date.now();
      proxy.freeze();
      const lost = await phone.waitFor((s) => s.registration.state !== 'registered', 'loss', 4000);
      expect(lost.registration.failure).toBe('server-unreachable');
      expect(Date.now() - frozenAt).toBeLessThan(3000);
      await phone.registered(3000);
    } finally {
      // Phones first: an unregister caught by the closing proxy would wait for its timeout.
      await stopPhones();
      await proxy.close();
    }
  });
});
