import '../testing.ts';
import { expect, it } from 'vitest';
import { announce } from './announce.ts';
import { T0, makeCall, makeSnapshot } from './fixtures.ts';

const ringing = makeCall({ state: 'incoming', remoteName: 'Ada' });

it('announces an incoming call urgently, by name', () => {
  const next = makeSnapshot({ calls: [ringing] });
  expect(announce(makeSnapshot(), next)).toEqual({
    text: 'Incoming call from Ada',
    urgent: true,
  });
});

it('announces connect and end, with the outcome', () => {
  const before = makeSnapshot({ calls: [ringing] });
  const active = makeSnapshot({ calls: [{ ...ringing, state: 'active', answeredAt: T0 }] });
  expect(announce(before, active)?.text).toBe('Connected with Ada');

  const ended = makeSnapshot({
    calls: [{ ...ringing, state: 'ended', endCause: 'remote-hangup' }],
  });
  expect(announce(active, ended)?.text).toBe('Call with Ada ended: The other party hung up');
});

it('stays quiet when nothing a listener cares about changed', () => {
  const active = makeSnapshot({ calls: [{ ...ringing, state: 'active', answeredAt: T0 }] });
  const muted = makeSnapshot({ calls: [{ ...ringing, state: 'active', muted: true }] });
  expect(announce(active, muted)).toBeUndefined();
  expect(announce(undefined, makeSnapshot())).toBeUndefined();
});

it('announces registration gained and lost', () => {
  const registered = makeSnapshot();
  const lost = makeSnapshot({ registration: { state: 'registering', since: T0 } });
  expect(announce(lost, registered)?.text).toBe('Ready for calls');
  expect(announce(registered, lost)?.text).toBe('Connection to the phone system lost');
});
