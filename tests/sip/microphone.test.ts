import { afterEach, describe, expect, it } from 'vitest';
import { makePhone, micFailingFactory, settle, stopPhones } from '../support/sip-node.ts';

afterEach(stopPhones);

describe('a missing or blocked microphone (C13)', () => {
  it('ends a dial as microphone-unavailable and sends no INVITE', async () => {
    const [alice, bob] = await Promise.all([
      makePhone('u34', { sessionDescriptionHandlerFactory: micFailingFactory('NotAllowedError') }),
      makePhone('u35'),
    ]);
    const outId = await alice.phone.dial('sip:u35@sip.test');
    const ended = await alice.callWhere(outId, (c) => c.state === 'ended', 'ended');
    expect(ended.endCause).toBe('microphone-unavailable');
    expect(alice.now.media).toBe('blocked');

    await settle(300);
    expect(bob.changes.some((s) => s.calls.length > 0)).toBe(false);
  });

  it('refuses an answer with 480 instead of a 200 OK without media', async () => {
    const [alice, bob] = await Promise.all([
      makePhone('u36'),
      makePhone('u37', { sessionDescriptionHandlerFactory: micFailingFactory('NotFoundError') }),
    ]);
    const outId = await alice.phone.dial('sip:u37@sip.test');
    const incoming = await bob.callIn('incoming');
    await bob.phone.answer(incoming.id);

    expect(bob.call(incoming.id)).toMatchObject({
      state: 'ended',
      endCause: 'microphone-unavailable',
    });
    expect(bob.now.media).toBe('missing');
    const ended = await alice.callWhere(outId, (c) => c.state === 'ended', 'ended');
    expect(ended).toMatchObject({
      endCause: 'no-answer',
      endDetail: '480 Temporarily Unavailable',
    });
    expect(alice.changes.some((s) => s.calls.some((c) => c.state === 'active'))).toBe(false);
  });
});
