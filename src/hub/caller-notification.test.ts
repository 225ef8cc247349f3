import { expect, it } from 'vitest';
import type { CallerCard, CrmMatch } from '../protocol/caller-card.ts';
import { notificationMessage } from './caller-notification.ts';

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
