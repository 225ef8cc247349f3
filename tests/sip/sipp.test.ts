/**
 * The engine against SIPp, a plain SIP far end over UDP behind the same Kamailio: calls both
 * ways, busy, hold from a non-WebRTC peer, and re-INVITEs refused with 491 or 500 + Retry-After
 * that the engine must retry (field case C04).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNTS } from '../support/kamailio.ts';
import { makePhone, stopPhones } from '../support/sip-node.ts';
import { registerSipp, startSipp, stopSipp } from '../support/sipp.ts';

afterEach(async () => {
  await stopPhones();
  await stopSipp();
});

/** A SIPp UAS registered as `user`; unregistered again when the test ends. */
async function sippFarEnd(user: string, scenario: string) {
  const uas = await startSipp({ scenario, toProxy: false, timeoutS: 20 });
  const password = ACCOUNTS[user] ?? '';
  const registered = await registerSipp(user, password, uas.port);
  expect(registered.code, registered.errors).toBe(0);
  const unregister = () => registerSipp(user, password, uas.port, 0);
  return { uas, unregister };
}

describe('engine and SIPp', () => {
  it('calls a SIPp far end registered through the registrar, and hangs up', async () => {
    const { uas, unregister } = await sippFarEnd('sipp', 'uas-answer.xml');
    try {
      const phone = await makePhone('caller');
      const id = await phone.phone.dial('sip:sipp@sip.test');
      await phone.callWhere(id, (c) => c.state === 'ringing', 'ringing');
      await phone.callWhere(id, (c) => c.state === 'active', 'active');
      await phone.phone.hangup(id);
      const result = await uas.done;
      expect(result.code, result.errors).toBe(0);
    } finally {
      await unregister();
    }
  });

  it('reports busy from a SIPp far end', async () => {
    const { uas, unregister } = await sippFarEnd('dave', 'uas-busy.xml');
    try {
      const phone = await makePhone('demo');
      const id = await phone.phone.dial('sip:dave@sip.test');
      const ended = await phone.callWhere(id, (c) => c.state === 'ended', 'ended');
      expect(ended).toMatchObject({ endCause: 'busy', endDetail: '486 Busy Here' });
      expect((await uas.done).code).toBe(0);
    } finally {
      await unregister();
    }
  });

  it('takes a call from SIPp, shows the caller, and ends on its BYE', async () => {
    const phone = await makePhone('u38');
    const uac = await startSipp({
      scenario: 'uac-call.xml',
      toProxy: true,
      service: 'u38',
      keys: { domain: 'sip.test' },
    });
    const incoming = await phone.callIn('incoming');
    expect(incoming).toMatchObject({ remoteNumber: 'sipp', remoteName: 'SIPp Caller' });
    await phone.phone.answer(incoming.id);
    const ended = await phone.callWhere(incoming.id, (c) => c.state === 'ended', 'ended');
    expect(ended.endCause).toBe('remote-hangup');
    const result = await uac.done;
    expect(result.code, result.errors).toBe(0);
  });

  it('is held and resumed by a SIPp caller', async () => {
    const phone = await makePhone('u39');
    const uac = await startSipp({
      scenario: 'uac-hold.xml',
      toProxy: true,
      service: 'u39',
      keys: { domain: 'sip.test' },
    });
    const incoming = await phone.callIn('incoming');
    await phone.phone.answer(incoming.id);
    await phone.callWhere(incoming.id, (c) => c.remoteHeld, 'held by SIPp');
    await phone.callWhere(incoming.id, (c) => c.state === 'active' && !c.remoteHeld, 'resumed');
    await phone.callWhere(incoming.id, (c) => c.state === 'ended', 'ended');
    const result = await uac.done;
    expect(result.code, result.errors).toBe(0);
  });

  it.each([
    ['491 Request Pending', 'agent', 'uas-reinvite-491.xml'],
    ['500 with Retry-After', 'far', 'uas-reinvite-500.xml'],
  ])('retries a hold refused with %s until it is held', async (_label, user, scenario) => {
    const { uas, unregister } = await sippFarEnd(user, scenario);
    try {
      const phone = await makePhone(user === 'agent' ? 'carol' : 'bob');
      const id = await phone.phone.dial(`sip:${user}@sip.test`);
      await phone.callWhere(id, (c) => c.state === 'active', 'active', 5000);
      await new Promise((r) => setTimeout(r, 30));

      const started = Date.now();
      await phone.phone.setHeld(id, true);
      expect(phone.call(id)).toMatchObject({ held: true, holdPending: false });
      expect(phone.call(id)?.holdError).toBeUndefined();
      // RFC 3261 14.1: the Call-ID owner waits 2.1-4 s after a 491; Retry-After asked for 1 s.
      expect(Date.now() - started).toBeGreaterThanOrEqual(user === 'agent' ? 2000 : 950);

      await phone.phone.hangup(id);
      const result = await uas.done;
      expect(result.code, result.errors).toBe(0);
    } finally {
      await unregister();
    }
  });

  it('shows a refused hold as still active with its error, and holds on the next try', async () => {
    const { uas, unregister } = await sippFarEnd('sipp', 'uas-reinvite-488.xml');
    try {
      const phone = await makePhone('dave');
      const id = await phone.phone.dial('sip:sipp@sip.test');
      await phone.callWhere(id, (c) => c.state === 'active', 'active', 5000);
      await new Promise((r) => setTimeout(r, 30));

      await expect(phone.phone.setHeld(id, true)).rejects.toMatchObject({ code: 'hold-failed' });
      expect(phone.call(id)).toMatchObject({
        state: 'active',
        held: false,
        holdPending: false,
        holdError: '488 Not Acceptable Here',
      });
      await phone.phone.setHeld(id, true);
      expect(phone.call(id)).toMatchObject({ held: true });
      expect(phone.call(id)?.holdError).toBeUndefined();

      await phone.phone.hangup(id);
      const result = await uas.done;
      expect(result.code, result.errors).toBe(0);
    } finally {
      await unregister();
    }
  });
});
