// @vitest-environment jsdom
import '../testing.ts';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { CallerCard, type CallerCardProps } from './caller-card.tsx';
import type { CallerMatch } from './caller-types.ts';

const ada: CallerMatch = {
  name: 'Ada Lovelace',
  company: 'Analytical Engines Ltd',
  title: 'Head of Research',
  owner: 'Charles B.',
  items: [
    {
      label: 'Engine stalls on start',
      status: 'Open',
      date: '2024-03-04T09:00:00Z',
      url: 'https://acme.lightning.force.com/lightning/r/Case/500/view',
    },
    { label: 'Invoice question', status: 'Pending', date: 'yesterday' },
  ],
  lastInteraction: '2024-03-01T12:00:00Z',
  url: 'https://acme.lightning.force.com/lightning/r/Contact/003/view',
  score: 100,
};

function card(overrides: Partial<CallerCardProps>) {
  const onPick = vi.fn();
  const props: CallerCardProps = {
    crmLabel: 'Salesforce',
    number: '+49301234567',
    status: 'found',
    matches: [],
    onPick,
    ...overrides,
  };
  const view = render(<CallerCard {...props} />);
  return { onPick, view };
}

describe('CallerCard', () => {
  it('says it is looking while the lookup runs', () => {
    card({ status: 'looking' });
    expect(screen.getByText('Looking up the caller in Salesforce…')).toBeInTheDocument();
    expect(screen.getByRole('region')).toHaveAttribute('aria-busy', 'true');
  });

  it('shows one match in full with a link to the record', () => {
    card({ matches: [ada] });
    expect(screen.getByText('Ada Lovelace')).toBeInTheDocument();
    expect(screen.getByText('Head of Research · Analytical Engines Ltd')).toBeInTheDocument();
    expect(screen.getByText('Owner: Charles B.')).toBeInTheDocument();
    const items = within(screen.getByRole('list', { name: 'Open items' }));
    expect(items.getAllByRole('listitem')).toHaveLength(2);
    expect(items.getByText('yesterday')).toBeInTheDocument();
    // An item with a URL links to it; one without stays text.
    expect(items.getByRole('link', { name: 'Engine stalls on start' })).toHaveAttribute(
      'href',
      'https://acme.lightning.force.com/lightning/r/Case/500/view',
    );
    expect(items.getAllByRole('link')).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Open in Salesforce' })).toHaveAttribute(
      'href',
      ada.url,
    );
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('lists several matches best first and reports the pick', () => {
    const loose = { ...ada, name: 'A. Lovelace', company: undefined, score: 40, url: undefined };
    const exact = { ...ada, name: 'Ada Exact', score: 100 };
    const { onPick } = card({ matches: [loose, exact] });

    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.closest('label')?.textContent)).toEqual([
      'Ada Exact · Analytical Engines Ltd',
      'A. Lovelace',
    ]);
    expect(radios[0]).toBeChecked();
    expect(screen.getByText('2 matches: pick the right one')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('radio', { name: 'A. Lovelace' }));
    expect(onPick).toHaveBeenCalledWith(loose, 0);
    expect(screen.getByRole('radio', { name: 'A. Lovelace' })).toBeChecked();
    expect(screen.queryByRole('link', { name: 'Open in Salesforce' })).toBeNull();
  });

  it('starts from the pick remembered for this call', () => {
    card({ matches: [ada, { ...ada, name: 'Other', score: 10 }], picked: 1 });
    expect(screen.getByRole('radio', { name: 'Other · Analytical Engines Ltd' })).toBeChecked();
  });

  it('offers to create a contact for an unknown caller', () => {
    card({ status: 'none', createContactUrl: 'https://app.hubspot.com/contacts/1/new' });
    expect(screen.getByText('Unknown caller')).toBeInTheDocument();
    expect(screen.getByText('+49301234567')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create contact in Salesforce' })).toBeInTheDocument();
  });

  it.each([
    ['signin', 'Sign in to Salesforce'],
    ['forbidden', 'not allowed'],
    ['ratelimited', 'too many requests'],
    ['unavailable', 'cannot be reached'],
  ] as const)('states a %s error plainly', (errorKind, text) => {
    card({ status: 'error', errorKind });
    expect(screen.getByRole('region')).toHaveTextContent(text);
  });
});

describe('CallerCard untrusted CRM data (C28)', () => {
  const hostile: CallerMatch = {
    name: '<img src=x onerror=alert(1)>',
    company: 'Acme <b>Bold</b> "Quote" & Co',
    items: [
      { label: '<script>alert(2)</script>', status: '<i>open</i>', url: 'javascript:alert(5)' },
    ],
    url: 'javascript:alert(3)',
    score: 1,
  };

  it('renders markup as literal text and drops unsafe links', () => {
    const { view } = card({ matches: [hostile], createContactUrl: 'javascript:alert(4)' });
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(screen.getByText('Acme <b>Bold</b> "Quote" & Co')).toBeInTheDocument();
    expect(screen.getByText('<script>alert(2)</script>')).toBeInTheDocument();
    expect(view.container.querySelector('img, b, i, script, a')).toBeNull();
  });

  it('truncates overlong values and keeps the full text as the title', () => {
    const long = 'Ü'.repeat(5000);
    card({ matches: [{ ...hostile, name: long }] });
    const name = screen.getByTitle(long);
    expect(name.textContent?.length).toBeLessThan(100);
  });
});
