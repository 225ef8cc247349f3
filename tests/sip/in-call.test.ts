import { afterEach, describe, expect, it } from 'vitest';
import { PlainSdpHandler } from '../../src/engine/index.ts';
import { makePhone, settle, stopPhones, type TestPhone } from '../support/sip-node.ts';

afterEach(stopPhones);

async function connect(caller: TestPhone, callee: TestPhone) {
  const outId = await caller.phone.dial(`sip:${callee.user}@sip.test`);
  const incoming = await callee.callIn('incoming');
  await callee.phone.answer(incoming.id);
  await caller.callWhere(outId, (c) => c.state === 'active', 'active');
  await callee.callWhere(incoming.id, (c) => c.state === 'active', 'active');
  await settle();
  return { outId, inId: incoming.id };
}

describe('during a call', () => {
  it('holds and resumes from the caller side; the callee sees the remote hold', async () => {
    const [alice, bob] = await Promise.all([makePhone('u14'), makePhone('u15')]);
    const { outId, inId } = await connect(alice, bob);

    await alice.phone.setHeld(outId, true);
    expect(alice.call(outId)).toMatchObject({ held: true, holdPending: false, remoteHeld: false });
    await bob.callWhere(inId, (c) => c.remoteHeld, 'remote hold');
    expect(bob.call(inId)?.held).toBe(false);

    await settle();
    await alice.phone.setHeld(outId, false);
    expect(alice.call(outId)).toMatchObject({ held: false, holdPending: false });
    await bob.callWhere(inId, (c) => !c.remoteHeld, 'remote resume');
  });

  it('holds and resumes from the callee side, also while the other side holds', async () => {
    const [alice, bob] = await Promise.all([makePhone('u16'), makePhone('u17')]);
    const { outId, inId } = await connect(alice, bob);

    await bob.phone.setHeld(inId, true);
    await alice.callWhere(outId, (c) => c.remoteHeld, 'remote hold');
    await settle();
    await alice.phone.setHeld(outId, true);
    expect(alice.call(outId)).toMatchObject({ held: true, remoteHeld: true });
    await settle();
    await bob.phone.setHeld(inId, false);
    expect(bob.call(inId)).toMatchObject({ held: false, remoteHeld: true });
    await alice.callWhere(outId, (c) => !c.remoteHeld, 'remote resume');
    expect(alice.call(outId)?.held).toBe(true);
  });

  it('mutes locally; mute and hold compose on the media tracks of both sides', async () => {
    const handlers = new Map<string, PlainSdpHandler>();
    const recording = (user: string) => () => {
      const handler = new PlainSdpHandler();
      handlers.set(user, handler);
      return handler;
    };
    const [alice, bob] = await Promise.all([
      makePhone('u18', { sessionDescriptionHandlerFactory: recording('alice') }),
      makePhone('u19', { sessionDescriptionHandlerFactory: recording('bob') }),
    ]);
    const { outId, inId } = await connect(alice, bob);
    const tracks = (user: string) => {
      const { sending, receiving } = handlers.get(user) ?? {};
      return { sending, receiving };
    };
    expect(tracks('alice')).toEqual({ sending: true, receiving: true });

    alice.phone.setMuted(outId, true);
    expect(alice.call(outId)?.muted).toBe(true);
    expect(tracks('alice')).toEqual({ sending: false, receiving: true });

    await alice.phone.setHeld(outId, true);
    expect(tracks('alice')).toEqual({ sending: false, receiving: false });
    await bob.callWhere(inId, (c) => c.remoteHeld, 'remote hold');
    // Held by the far end: nothing of ours goes out, its music on hold still comes in.
    expect(tracks('bob')).toEqual({ sending: false, receiving: true });

    alice.phone.setMuted(outId, false);
    expect(tracks('alice')).toEqual({ sending: false, receiving: false });
    await settle();
    await alice.phone.setHeld(outId, false);
    expect(tracks('alice')).toEqual({ sending: true, receiving: true });
    await bob.callWhere(inId, (c) => !c.remoteHeld, 'remote resume');
    expect(tracks('bob')).toEqual({ sending: true, receiving: true });
  });

  it('sends DTMF by SIP INFO, which the other engine receives', async () => {
    const [alice, bob] = await Promise.all([makePhone('u20'), makePhone('u21')]);
    const { outId, inId } = await connect(alice, bob);
    await alice.phone.sendDtmf(outId, '12#*');
    await bob.callWhere(inId, (c) => c.dtmfReceived === '12#*', 'DTMF 12#*');
    await expect(alice.phone.sendDtmf(outId, '9<x>')).rejects.toMatchObject({
      code: 'invalid-tones',
    });
  });

  it('transfers blind by REFER: the transferee calls the target, result reported', async () => {
    const [alice, bob, carol] = await Promise.all([
      makePhone('u22'),
      makePhone('u23'),
      makePhone('u24'),
    ]);
    const { outId, inId } = await connect(alice, bob);

    const transfer = bob.phone.transfer(inId, 'sip:u24@sip.test');
    const ringing = await carol.callIn('incoming');
    expect(ringing.remoteNumber).toBe('u22');
    await transfer;
    await carol.phone.answer(ringing.id);

    const done = await bob.callWhere(inId, (c) => c.state === 'ended', 'ended');
    expect(done).toMatchObject({ endCause: 'transferred' });
    expect(done.transfer).toMatchObject({ target: 'u24', state: 'succeeded' });
    expect(done.transfer?.detail).toMatch(/^200 /);

    const original = await alice.callWhere(outId, (c) => c.state === 'ended', 'ended');
    expect(original.endCause).toBe('transferred');
    const onward = await alice.callIn('active', (c) => c.id !== outId);
    expect(onward).toMatchObject({ direction: 'outbound', remoteNumber: 'u24' });
  });

  it('reports a failed transfer and keeps the call', async () => {
    const [alice, bob, carol] = await Promise.all([
      makePhone('u25'),
      makePhone('u26'),
      makePhone('u27'),
    ]);
    const { inId } = await connect(alice, bob);
    await bob.phone.transfer(inId, 'sip:u27@sip.test');
    const ringing = await carol.callIn('incoming');
    await carol.phone.decline(ringing.id, 486);

    const failed = await bob.callWhere(inId, (c) => c.transfer?.state === 'failed', 'failed');
    expect(failed.state).toBe('active');
    expect(failed.transfer?.detail).toMatch(/^486 /);
  });
});
