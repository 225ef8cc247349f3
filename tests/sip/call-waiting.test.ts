import { afterEach, describe, expect, it } from 'vitest';
import { makePhone, settle, stopPhones, type TestPhone } from '../support/sip-node.ts';

afterEach(stopPhones);

async function connect(caller: TestPhone, callee: TestPhone) {
  const outId = await caller.phone.dial(`sip:${callee.user}@sip.test`);
  const incoming = await callee.callIn('incoming');
  await callee.phone.answer(incoming.id);
  await caller.callWhere(outId, (c) => c.state === 'active', 'active');
  await settle();
  return { outId, inId: incoming.id };
}

describe('a second incoming call', () => {
  it('rings as call waiting; answering it holds the first call before accepting', async () => {
    const [alice, bob, carol] = await Promise.all([
      makePhone('u28'),
      makePhone('u29'),
      makePhone('u30'),
    ]);
    const first = await connect(alice, bob);

    const carolCall = await carol.phone.dial('sip:u29@sip.test');
    const waiting = await bob.callIn('incoming');
    await carol.callWhere(carolCall, (c) => c.state === 'ringing', 'ringing (180 sent)');
    expect(bob.call(first.inId)).toMatchObject({ state: 'active', held: false });

    await bob.phone.answer(waiting.id);
    // The order on bob's side: first call held, only then the second one active.
    const order = bob.changes
      .map((s) => ({
        held: s.calls.find((c) => c.id === first.inId)?.held,
        second: s.calls.find((c) => c.id === waiting.id)?.state,
      }))
      .filter((s, i, all) => i === 0 || JSON.stringify(s) !== JSON.stringify(all[i - 1]));
    const heldAt = order.findIndex((s) => s.held === true);
    const activeAt = order.findIndex((s) => s.second === 'active');
    expect(heldAt).toBeGreaterThan(-1);
    expect(activeAt).toBeGreaterThan(heldAt);

    await alice.callWhere(first.outId, (c) => c.remoteHeld, 'held by bob');
    await carol.callWhere(carolCall, (c) => c.state === 'active', 'active');
  });

  it('is refused 486 without ringing when call waiting is off, and listed as missed', async () => {
    const [alice, bob, carol] = await Promise.all([
      makePhone('u31'),
      makePhone('u32', { callWaiting: false }),
      makePhone('u33'),
    ]);
    await connect(alice, bob);

    const carolCall = await carol.phone.dial('sip:u32@sip.test');
    const ended = await carol.callWhere(carolCall, (c) => c.state === 'ended', 'ended');
    expect(ended).toMatchObject({ endCause: 'busy', endDetail: '486 Busy Here' });
    expect(carol.changes.some((s) => s.calls.some((c) => c.state === 'ringing'))).toBe(false);

    const missed = bob.now.calls.find((c) => c.direction === 'inbound' && c.state === 'ended');
    expect(missed).toMatchObject({ endCause: 'missed', remoteNumber: 'u33' });
    expect(
      bob.changes.some((s) =>
        s.calls.some((c) => c.state === 'incoming' && c.remoteNumber === 'u33'),
      ),
    ).toBe(false);
  });
});
