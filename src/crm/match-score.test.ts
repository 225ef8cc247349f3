import { describe, expect, it } from 'vitest';
import type { CrmMatch } from './api-adapter.ts';
import {
  newestFirst,
  phoneMatch,
  rankMatches,
  scoreRecord,
  SCORE_EXACT,
  SCORE_LOOSE,
} from './match-score.ts';

const CALLER = '+493012345670';
const DE = { defaultCountry: 'DE' };

describe('phoneMatch', () => {
  it.each(['+493012345670', '030 1234567-0', '+49 (0)30 1234567-0', '0049 30 12345670'])(
    'is exact for %s',
    (stored) => expect(phoneMatch(stored, CALLER, 'DE')).toBe('exact'),
  );

  it('is loose for the switchboard base and for another extension digit', () => {
    expect(phoneMatch('+49 30 1234567', CALLER, 'DE')).toBe('loose');
    expect(phoneMatch('030 1234567-12', CALLER, 'DE')).toBe('loose');
  });

  it('is loose for the number with an extension or among others in one field', () => {
    expect(phoneMatch('+49 30 12345670 ext. 12', CALLER, 'DE')).toBe('loose');
    expect(phoneMatch('030 12345670 / 030 12345679', CALLER, 'DE')).toBe('loose');
  });

  it('is exact for the number inside words', () => {
    expect(phoneMatch('Zentrale: 030 12345670 (Mo-Fr)', CALLER, 'DE')).toBe('exact');
  });

  it('is none for another number, a neighbour or another country', () => {
    expect(phoneMatch('+49 30 9876543', CALLER, 'DE')).toBe('none');
    expect(phoneMatch('+49 30 12345680', CALLER, 'DE')).toBe('none');
    expect(phoneMatch('+49 30 12345689', CALLER, 'DE')).toBe('none');
    expect(phoneMatch('+44 30 12345670', CALLER, 'DE')).toBe('none');
  });
});

describe('scoreRecord', () => {
  it('ranks persons above organisations at the same level', () => {
    const person = scoreRecord(['+493012345670'], CALLER, 'person', DE);
    const company = scoreRecord(['+493012345670'], CALLER, 'organisation', DE);
    expect(person?.exact).toBe(true);
    expect(person?.score).toBeGreaterThan(company?.score ?? 0);
    expect(company?.score).toBeGreaterThanOrEqual(SCORE_EXACT);
  });

  it('keeps a record the CRM matched on unseen grounds, ranked last', () => {
    const scored = scoreRecord(['n/a'], CALLER, 'person', DE);
    expect(scored?.exact).toBe(false);
    expect(scored?.score).toBeLessThan(SCORE_LOOSE);
  });

  it("drops a record that matched only through the agent's own number (C25)", () => {
    const options = { ...DE, ownNumbers: ['+49309876543'] };
    expect(scoreRecord(['+49 30 9876543'], '+493098765430', 'person', options)).toBeUndefined();
    expect(scoreRecord(['+49 30 9876543', '030 1234567-0'], CALLER, 'person', options)?.exact).toBe(
      true,
    );
  });
});

describe('rankMatches', () => {
  const match = (name: string, score: number, lastInteraction?: string): CrmMatch => ({
    crm: 'salesforce',
    ref: { crm: 'salesforce', type: 'Contact', id: name },
    name,
    phones: [],
    items: [],
    url: '',
    score,
    exact: score >= SCORE_EXACT,
    ...(lastInteraction ? { lastInteraction } : {}),
  });

  it('orders by score, then the latest interaction, then name', () => {
    const ranked = rankMatches([
      match('Loose', 55),
      match('Old', 105, '2024-01-01'),
      match('Beta', 105, '2025-06-01'),
      match('Alpha', 105, '2025-06-01'),
    ]);
    expect(ranked.map((m) => m.name)).toEqual(['Alpha', 'Beta', 'Old', 'Loose']);
  });
});

it('sorts items newest first', () => {
  const items = newestFirst([{ date: '2024-02-01' }, { date: '2025-01-01' }, { date: '' }]);
  expect(items.map((i) => i.date)).toEqual(['2025-01-01', '2024-02-01', '']);
});
