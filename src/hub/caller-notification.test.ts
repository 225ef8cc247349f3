import { describe, expect, it } from 'vitest';
import type { CallerCard, CrmMatch } from '../protocol/caller-card.ts';
import { createCallerNotifier, notificationMessage } from './caller-notification.ts';

const match = (name: string, over: Partial<CrmMatch> = {}): CrmMatch => ({
  crm: 'salesforce',
  ref: { crm: 'salesforce', type: 'Contact', id: name },
  name,
  company: 'Muster GmbH',
  phones: [],
  items: [],
  url: '',
  score: 105,
  exact: true,
  ...over,
});

const card = (matches: CrmMatch[], over: Partial<CallerCard> = {}): CallerCard => ({
  callId: 'c1',
  number: '+493012345670',
  direction: 'inbound',
  crms: { salesforce: { crm: 'salesforce', status: 'found', matches } },
  popped: [],
  createdAt: 0,
  ...over,
});

it('names a clear match with its company, literally (C28)', () => {
  expect(notificationMessage(card([match('Acme <b>Bold</b> "Quote" & Co')]))).toBe(
    'Acme <b>Bold</b> "Quote" & Co (Muster GmbH)\n+493012345670',
  );
});

it('names the shared company of several equal matches, and nobody when they differ (C25)', () => {
  const company = match('Muster GmbH', {
    ref: { crm: 'salesforce', type: 'Account', id: 'x' },
    score: 100,
  });
  const people = [match('Anna'), match('Bernd'), company];
  expect(notificationMessage(card(people))).toBe('Muster GmbH\n+493012345670');
  expect(
    notificationMessage(card([match('Anna'), match('Eve', { company: 'Other AG' })])),
  ).toBeUndefined();
});

it('says nothing once answered, for outbound calls, or without matches', () => {
  expect(notificationMessage(card([match('Anna')], { answeredAt: 1 }))).toBeUndefined();
  expect(notificationMessage(card([match('Anna')], { direction: 'outbound' }))).toBeUndefined();
  expect(notificationMessage(card([]))).toBeUndefined();
});

describe('the notification of a ringing call', () => {
  /** Chrome's notifications: update() changes only a notification that is shown. */
  function setup(stored: CallerCard) {
    const shown = new Map<string, string>();
    const notifier = createCallerNotifier({
      card: (callId) => Promise.resolve(callId === stored.callId ? stored : undefined),
      update: (callId, message) => {
        if (!shown.has(callId)) return Promise.resolve(false);
        shown.set(callId, message);
        return Promise.resolve(true);
      },
    });
    return { shown, notifier };
  }

  it('gets the name when the lookup answered before it was shown (cached number)', async () => {
    const found = card([match('Anna Albrecht')]);
    const { shown, notifier } = setup(found);
    expect(await notifier.changed(found)).toBe(false);

    shown.set('c1', '+493012345670');
    await notifier.shown('c1');
    expect(shown.get('c1')).toBe('Anna Albrecht (Muster GmbH)\n+493012345670');
  });

  it('gets the name when the lookup answers after it was shown', async () => {
    const looking = card([]);
    const { shown, notifier } = setup(looking);
    shown.set('c1', '+493012345670');
    await notifier.shown('c1');
    expect(shown.get('c1')).toBe('+493012345670');

    await notifier.changed(card([match('Anna Albrecht')]));
    expect(shown.get('c1')).toBe('Anna Albrecht (Muster GmbH)\n+493012345670');
  });
});
