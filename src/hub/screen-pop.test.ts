import { describe, expect, it } from 'vitest';
import type { CallerCard, CrmMatch } from '../protocol/caller-card.ts';
import type { ScreenPop } from '../settings/settings.ts';
import { createScreenPopper, screenPopChoices } from './screen-pop.ts';

const SF = 'https://acme.lightning.force.com';
const match = (id: string, score = 105): CrmMatch => ({
  crm: 'salesforce',
  ref: { crm: 'salesforce', type: 'Contact', id },
  name: id,
  phones: [],
  items: [],
  url: `${SF}/lightning/r/Contact/${id}/view`,
  score,
  exact: true,
});

const card = (over: Partial<CallerCard> = {}, matches = [match('a')]): CallerCard => ({
  callId: 'c1',
  number: '+493012345670',
  direction: 'inbound',
  crms: { salesforce: { crm: 'salesforce', status: 'found', matches } },
  popped: [],
  createdAt: 0,
  ...over,
});

const popped = (c: CallerCard, setting: ScreenPop) =>
  screenPopChoices(c, setting).map((p) => p.match.ref.id);

describe('screenPopChoices', () => {
  it('pops a single match on ring, never with "never", and not for outbound calls', () => {
    expect(popped(card(), 'ring')).toEqual(['a']);
    expect(popped(card(), 'never')).toEqual([]);
    expect(popped(card({ direction: 'outbound' }), 'ring')).toEqual([]);
  });

  it('waits for the answer with "answer"', () => {
    expect(popped(card(), 'answer')).toEqual([]);
    expect(popped(card({ answeredAt: 5 }), 'answer')).toEqual(['a']);
  });

  it('pops a clear best match, and waits for the pick among equals (C25)', () => {
    expect(popped(card({}, [match('a', 105), match('b', 55)]), 'ring')).toEqual(['a']);
    const equal = [match('a'), match('b')];
    expect(popped(card({}, equal), 'ring')).toEqual([]);
    const picked = { crm: 'salesforce' as const, type: 'Contact', id: 'b' };
    expect(popped(card({ picked }, equal), 'ring')).toEqual(['b']);
  });

  it('pops each CRM once per call', () => {
    expect(popped(card({ popped: ['salesforce'] }), 'ring')).toEqual([]);
  });
});

describe('createScreenPopper', () => {
  function setup(tabs: { id: number; url: string; lastAccessed: number }[], start: CallerCard) {
    let stored = start;
    const actions: string[] = [];
    const popper = createScreenPopper({
      card: () => Promise.resolve(structuredClone(stored)),
      queryTabs: () => Promise.resolve(tabs),
      navigate: (tabId, url) => Promise.resolve(void actions.push(`navigate ${tabId} ${url}`)),
      open: (url) => Promise.resolve(void actions.push(`open ${url}`)),
      settings: () =>
        Promise.resolve({
          screenPop: 'ring' as const,
          crmEnabled: { salesforce: true, hubspot: true, zendesk: true },
          extraHosts: {},
        }),
      markPopped: (_callId, crm) => {
        stored = { ...stored, popped: [...stored.popped, crm] };
        return Promise.resolve();
      },
      onError: (error) => actions.push(`error ${String(error)}`),
    });
    return { popper, actions };
  }

  it("navigates the CRM's most recently used tab (the console tab too) to the record", async () => {
    const { popper, actions } = setup(
      [
        { id: 1, url: `${SF}/lightning/page/home`, lastAccessed: 1 },
        { id: 2, url: `${SF}/lightning/app/06m000000000001`, lastAccessed: 9 },
      ],
      card(),
    );
    await popper.check('c1');
    expect(actions).toEqual([`navigate 2 ${SF}/lightning/r/Contact/a/view`]);
  });

  it('opens a tab when none of that CRM is open', async () => {
    const { popper, actions } = setup([], card());
    await popper.check('c1');
    expect(actions).toEqual([`open ${SF}/lightning/r/Contact/a/view`]);
  });

  it('pops once when two card changes arrive together', async () => {
    const { popper, actions } = setup([{ id: 1, url: `${SF}/x`, lastAccessed: 1 }], card());
    await Promise.all([popper.check('c1'), popper.check('c1')]);
    expect(actions).toHaveLength(1);
  });
});
