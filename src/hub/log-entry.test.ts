import { describe, expect, it } from 'vitest';
import type { CallerCard, CrmMatch } from '../protocol/caller-card.ts';
import type { CallSnapshot, PhoneSnapshot } from '../protocol/phone-state.ts';
import { callEvents } from './call-events.ts';
import { isOurOrg, isOurRecord } from '../crm/hosts.ts';
import { logEntries, logTargets, outcomeOf } from './log-entry.ts';

const SF = 'https://acme.lightning.force.com';
const call = (over: Partial<CallSnapshot> = {}): CallSnapshot => ({
  id: 'c1',
  direction: 'inbound',
  state: 'ended',
  remoteNumber: '+493012345670',
  muted: false,
  held: false,
  holdPending: false,
  remoteHeld: false,
  createdAt: 1000,
  answeredAt: 3000,
  endedAt: 43_000,
  ...over,
});

const match = (id: string, score = 105): CrmMatch => ({
  crm: 'salesforce',
  ref: { crm: 'salesforce', type: 'Contact', id, name: id },
  name: id,
  phones: [],
  items: [],
  url: `${SF}/lightning/r/Contact/${id}/view`,
  score,
  exact: true,
  related: { crm: 'salesforce', type: 'Account', id: 'acc' },
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

describe('logEntries, only in our own orgs', () => {
  const text = { subject: () => 'call' };
  const hosts = { extraHosts: {}, orgHosts: { salesforce: ['acme.lightning.force.com'] } };
  const ours = (crm: 'salesforce' | 'hubspot' | 'zendesk', origin: string) =>
    isOurOrg(crm, origin, hosts);

  it("never logs a call dialled from a look-alike org's page in that org", () => {
    const EVIL = 'https://acme-trial.lightning.force.com';
    const record = {
      crm: 'salesforce' as const,
      type: 'Contact',
      id: 'B',
      url: `${EVIL}/lightning/r/Contact/B/view`,
    };
    expect(logEntries(call({ direction: 'outbound', record }), undefined, text, ours)).toEqual([]);
    const own = { ...record, url: `${SF}/lightning/r/Contact/B/view` };
    const logged = logEntries(call({ direction: 'outbound', record: own }), undefined, text, ours);
    expect(logged.map((e) => e.origin)).toEqual([SF]);
  });

  it('lets a call carry only records of our orgs, with their address', () => {
    const ref = { crm: 'salesforce' as const, type: 'Contact', id: 'B' };
    expect(isOurRecord({ ...ref, url: `${SF}/lightning/r/Contact/B/view` }, hosts)).toBe(true);
    const evil = 'https://acme-trial.lightning.force.com/lightning/r/Contact/B/view';
    expect(isOurRecord({ ...ref, url: evil }, hosts)).toBe(false);
    expect(isOurRecord(ref, hosts)).toBe(false);
    expect(isOurRecord({ ...ref, url: 'not a url' }, hosts)).toBe(false);
  });

  it('takes any origin while no own hosts are set; with them, those and the extra hosts', () => {
    const open = { extraHosts: { zendesk: ['help.example.com'] } };
    expect(isOurOrg('hubspot', 'https://app-na2.hubspot.com', open)).toBe(true);
    expect(isOurRecord({ crm: 'hubspot', type: 'contact', id: '1' }, open)).toBe(true);
    const own = { ...open, orgHosts: { zendesk: ['acme.zendesk.com'] } };
    expect(isOurOrg('zendesk', 'https://acme.zendesk.com', own)).toBe(true);
    expect(isOurOrg('zendesk', 'https://help.example.com', own)).toBe(true);
    expect(isOurOrg('zendesk', 'https://rival.zendesk.com', own)).toBe(false);
    expect(isOurOrg('salesforce', 'https://x.lightning.force.com', own)).toBe(true);
  });
});

describe('logTargets (C25)', () => {
  it('logs an outbound call on the record it was dialled from only', () => {
    const record = {
      crm: 'salesforce' as const,
      type: 'Contact',
      id: 'B',
      url: `${SF}/lightning/r/Contact/B/view`,
    };
    const targets = logTargets(
      call({ direction: 'outbound', record }),
      card([match('A'), match('B'), match('C')]),
    );
    expect(targets).toEqual([{ target: record, origin: SF }]);
  });

  it('logs an inbound call on the picked match and its account', () => {
    const picked = { crm: 'salesforce' as const, type: 'Contact', id: 'B', name: 'B' };
    expect(logTargets(call(), card([match('A'), match('B')], { picked }))).toEqual([
      { target: picked, related: { crm: 'salesforce', type: 'Account', id: 'acc' }, origin: SF },
    ]);
  });

  it('logs on a clear best match, and on nobody when several are equal and none was picked', () => {
    expect(logTargets(call(), card([match('A', 105), match('B', 55)]))[0]?.target.id).toBe('A');
    expect(logTargets(call(), card([match('A'), match('B'), match('C')]))).toEqual([]);
  });
});

it('builds one entry per target with outcome, times and subject', () => {
  const [entry] = logEntries(
    call(),
    card([match('A')]),
    { subject: (direction, who) => `${direction} ${who}`, ownNumber: '+49309876543' },
    () => true,
  );
  expect(entry).toMatchObject({
    callId: 'c1',
    crm: 'salesforce',
    origin: SF,
    outcome: 'answered',
    startedAt: 1000,
    answeredAt: 3000,
    endedAt: 43_000,
    subject: 'inbound A',
    ownNumber: '+49309876543',
  });
});

it.each([
  [{ answeredAt: undefined, endCause: 'busy' as const }, 'busy'],
  [{ answeredAt: undefined, endCause: 'cancelled' as const }, 'missed'],
  [{ answeredAt: undefined, endCause: 'not-found' as const }, 'failed'],
  [{}, 'answered'],
])('reads %j as %s', (over, outcome) => {
  expect(outcomeOf(call(over))).toBe(outcome);
});

describe('callEvents', () => {
  const snap = (calls: CallSnapshot[]): PhoneSnapshot => ({
    registration: { state: 'registered', since: 0 },
    calls,
    media: 'ok',
  });

  it('sees a call begin, get answered and end (ended only in `changed`)', () => {
    const ringing = call({ state: 'incoming', answeredAt: undefined, endedAt: undefined });
    const active = call({ state: 'active', endedAt: undefined });
    expect(callEvents(undefined, snap([ringing])).started).toEqual([ringing]);
    expect(callEvents(snap([ringing]), snap([active])).answered).toEqual([active]);
    const ended = call();
    const events = callEvents(snap([active]), snap([]), ended);
    expect([events.started, events.answered, events.ended]).toEqual([[], [], [ended]]);
  });
});
