import { afterEach, describe, expect, it } from 'vitest';
import { makePhone, settle, stopPhones, type TestPhone } from '../support/sip-node.ts';

afterEach(stopPhones);

/** `caller` dials `callee`; the callee answers; resolves with both sides' call ids. */
async function connect(caller: TestPhone, callee: TestPhone) {
  const outId = await caller.phone.dial(`sip:${callee.user}@sip.test`);
  const incoming = await callee.callIn('incoming');
  await callee.phone.answer(incoming.id);
  await caller.callWhere(outId, (c) => c.state === 'active', 'active');
  await callee.callWhere(incoming.id, (c) => c.state === 'active', 'active');
  await settle();
  return { outId, inId: incoming.id };
}

describe('calls between two engines', () => {
  it('rings, connects and hangs up from the caller side', async () => {
    const [alice, bob] = await Promise.all([makePhone('u2'), makePhone('u3')]);
    const outId = await alice.phone.dial('sip:u3@sip.test');
    expect(alice.call(outId)).toMatchObject({ direction: 'outbound', remoteNumber: 'u3' });

    const incoming = await bob.callIn('incoming');
    expect(incoming).toMatchObject({ direction: 'inbound', remoteNumber: 'u2' });
    await alice.callWhere(outId, (c) => c.state === 'ringing', 'ringing');

    await bob.phone.answer(incoming.id);
    const active = await alice.callWhere(outId, (c) => c.state === 'active', 'active');
    expect(active.answeredAt).toBeGreaterThanOrEqual(active.createdAt);

    await alice.phone.hangup(outId);
    expect(alice.call(outId)).toMatchObject({ state: 'ended', endCause: 'local-hangup' });
    const ended = await bob.callWhere(incoming.id, (c) => c.state === 'ended', 'ended');
    expect(ended.endCause).toBe('remote-hangup');
  });

  it('hangs up from the callee side', async () => {
    const [alice, bob] = await Promise.all([makePhone('u4'), makePhone('u5')]);
    const { outId, inId } = await connect(alice, bob);
    await bob.phone.hangup(inId);
    expect(bob.call(inId)?.endCause).toBe('local-hangup');
    const ended = await alice.callWhere(outId, (c) => c.state === 'ended', 'ended');
    expect(ended.endCause).toBe('remote-hangup');
  });

  it('reports busy with its SIP cause when the callee declines 486', async () => {
    const [alice, bob] = await Promise.all([makePhone('u6'), makePhone('u7')]);
    const outId = await alice.phone.dial('sip:u7@sip.test');
    const incoming = await bob.callIn('incoming');
    await bob.phone.decline(incoming.id, 486);
    const ended = await alice.callWhere(outId, (c) => c.state === 'ended', 'ended');
    expect(ended).toMatchObject({ endCause: 'busy', endDetail: '486 Busy Here' });
    expect(bob.call(incoming.id)).toMatchObject({ state: 'ended', endCause: 'declined' });
  });

  it('reports declined for 603', async () => {
    const [alice, bob] = await Promise.all([makePhone('u8'), makePhone('u9')]);
    const outId = await alice.phone.dial('sip:u9@sip.test');
    const incoming = await bob.callIn('incoming');
    await bob.phone.decline(incoming.id, 603);
    const ended = await alice.callWhere(outId, (c) => c.state === 'ended', 'ended');
    expect(ended.endCause).toBe('declined');
    expect(ended.endDetail).toMatch(/^603 /);
  });

  it('cancels while ringing: the caller sees cancelled, the callee a missed call', async () => {
    const [alice, bob] = await Promise.all([makePhone('u10'), makePhone('u11')]);
    const outId = await alice.phone.dial('sip:u11@sip.test');
    const incoming = await bob.callIn('incoming');
    await alice.callWhere(outId, (c) => c.state === 'ringing', 'ringing');
    await alice.phone.hangup(outId);
    expect(alice.call(outId)).toMatchObject({ state: 'ended', endCause: 'cancelled' });
    const missed = await bob.callWhere(incoming.id, (c) => c.state === 'ended', 'ended');
    expect(missed.endCause).toBe('missed');
  });

  it('reports not found for a number nobody registered', async () => {
    const alice = await makePhone('u12');
    const outId = await alice.phone.dial('+49 30 1234567');
    expect(alice.call(outId)?.remoteNumber).toBe('+49301234567');
    const ended = await alice.callWhere(outId, (c) => c.state === 'ended', 'ended');
    expect(ended).toMatchObject({ endCause: 'not-found', endDetail: '404 Not Found' });
  });

  it('refuses a dial string that is neither a number nor a SIP URI', async () => {
    const alice = await makePhone('u13');
    await expect(alice.phone.dial('javascript:alert(1)')).rejects.toMatchObject({
      code: 'invalid-target',
    });
    expect(alice.now.calls).toEqual([]);
  });
});
