/**
 * The outside caller the CRM tests ring the agent with (tests/support/sipp-caller.ts): it
 * arrives with its number and untrusted display name, cancels when nobody answers, and
 * completes when answered and hung up.
 */
import { afterEach, expect, inject, it } from 'vitest';
import { makePhone, stopPhones } from '../support/sip-node.ts';
import { callFrom } from '../support/sipp-caller.ts';

afterEach(() => stopPhones());

it('rings with its number and display name, then cancels', async () => {
  const alice = await makePhone('alice');
  const { sipPort, domain } = inject('sip');
  const display = '<img src=x onerror=alert(1)>';
  const caller = await callFrom({
    sipPort,
    domain,
    to: 'alice',
    number: '+493012345670',
    display,
    ringMs: 1000,
  });

  const ringing = await alice.callIn('incoming');
  expect([ringing.remoteNumber, ringing.remoteName]).toEqual(['+493012345670', display]);
  const ended = await alice.callWhere(ringing.id, (c) => c.state === 'ended', 'ended', 5000);
  expect(ended.endCause).toBe('missed');
  expect(await caller.exited).toBe(0);
});

it('is answered, then hung up by the agent', async () => {
  const alice = await makePhone('alice');
  const { sipPort, domain } = inject('sip');
  const caller = await callFrom({ sipPort, domain, to: 'alice', number: '+498920001234' });

  const ringing = await alice.callIn('incoming');
  await alice.phone.answer(ringing.id);
  await alice.callWhere(ringing.id, (c) => c.state === 'active', 'active');
  await alice.phone.hangup(ringing.id);
  expect(await caller.exited).toBe(0);
});

it('takes a decline', async () => {
  const alice = await makePhone('alice');
  const { sipPort, domain } = inject('sip');
  const caller = await callFrom({ sipPort, domain, to: 'alice', number: '+498920001234' });

  const ringing = await alice.callIn('incoming');
  await alice.phone.decline(ringing.id);
  expect(await caller.exited).toBe(0);
});
