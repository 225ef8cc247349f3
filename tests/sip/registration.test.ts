import { afterEach, describe, expect, it } from 'vitest';
import { registeredContacts } from '../support/registrar.ts';
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

    await new Promise((r) => setTimeout(r, 1500));
    const failures = phone.changes.filter((s) => s.registration.state === 'failed');
    expect(failures).toHaveLength(1);
    expect(await registeredContacts('u1')).toEqual([]);
    expect(lines.join('\n')).not.toContain('not-the-password');
  });
});
