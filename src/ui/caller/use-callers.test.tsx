// @vitest-environment jsdom
import '../testing.ts';
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { CallerCard, CrmMatch } from '../../protocol/caller-card.ts';
import type { PhoneSnapshot } from '../../protocol/phone-state.ts';
import { DockApp } from '../dock/dock-app.tsx';
import { makeCall, makeSnapshot } from '../phone/fixtures.ts';
import type { CallerHub, DockStore, PhoneHub } from '../ports.ts';
import { currentCall, toCardProps } from './use-callers.ts';

const match = (id: string, name: string): CrmMatch => ({
  crm: 'salesforce',
  ref: { crm: 'salesforce', type: 'Contact', id, name },
  name,
  company: 'Muster GmbH',
  phones: ['+493012345670'],
  items: [
    { kind: 'case', label: 'Lieferung', status: 'Working', date: '2025-05-01T09:30:00.000Z' },
  ],
  url: `https://acme.lightning.force.com/lightning/r/Contact/${id}/view`,
  score: 105,
  exact: true,
});

const card = (over: Partial<CallerCard> = {}): CallerCard => ({
  callId: 'c1',
  number: '+493012345670',
  direction: 'inbound',
  crms: {
    hubspot: { crm: 'hubspot', status: 'error', matches: [], errorKind: 'ratelimited' },
    salesforce: {
      crm: 'salesforce',
      status: 'found',
      matches: [match('a', 'Anna'), match('b', 'Bernd')],
    },
  },
  popped: [],
  createdAt: 0,
  ...over,
});

describe('toCardProps', () => {
  it('gives one card per CRM in a fixed order, with the pick as an index', () => {
    const props = toCardProps(
      card({ picked: { crm: 'salesforce', type: 'Contact', id: 'b' } }),
      vi.fn(),
    );
    expect(props.map((p) => [p.crmLabel, p.status, p.errorKind, p.picked])).toEqual([
      ['Salesforce', 'found', undefined, 1],
      ['HubSpot', 'error', 'ratelimited', undefined],
    ]);
  });

  it('sends the picked record to the hub', () => {
    const pick = vi.fn(() => Promise.resolve());
    const [salesforce] = toCardProps(card(), pick);
    const second = salesforce?.matches[1];
    if (second) salesforce?.onPick?.(second, 1);
    expect(pick).toHaveBeenCalledWith('c1', {
      crm: 'salesforce',
      type: 'Contact',
      id: 'b',
      name: 'Bernd',
    });
  });
});

it('picks the call ringing in over the one talked on', () => {
  const snapshot = makeSnapshot({
    calls: [makeCall({ id: 'x', state: 'active' }), makeCall({ id: 'y' })],
  });
  expect(currentCall(snapshot)?.id).toBe('y');
});

describe('the dock with caller cards', () => {
  function setup(stored: CallerCard | null) {
    const listeners = new Set<(c: CallerCard) => void>();
    const snapshot = makeSnapshot({
      calls: [makeCall({ id: 'c1', remoteNumber: '+493012345670' })],
    });
    const hub: PhoneHub = {
      snapshot: () => Promise.resolve(snapshot),
      subscribe: (_l: (s: PhoneSnapshot) => void) => () => undefined,
      missedCalls: () => Promise.resolve(0),
      clearMissed: () => Promise.resolve(),
      dial: vi.fn(() => Promise.resolve()),
      command: vi.fn(() => Promise.resolve()),
      openOptions: vi.fn(),
      openOnboarding: vi.fn(),
    };
    const store: DockStore = {
      loadCollapsed: () => Promise.resolve(false),
      saveCollapsed: () => Promise.resolve(),
      reportLayout: vi.fn(),
      tabId: () => Promise.resolve(7),
      onShown: () => () => undefined,
    };
    const callers: CallerHub = {
      card: vi.fn(() => Promise.resolve(stored)),
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      pick: vi.fn(() => Promise.resolve()),
    };
    render(<DockApp hub={hub} store={store} callers={callers} />);
    const push = async (c: CallerCard) => {
      await screen.findByRole('button', { name: 'Answer' });
      await vi.waitFor(() => expect(listeners.size).toBeGreaterThan(0));
      await act(() => listeners.forEach((l) => l(c)));
    };
    return { callers, push };
  }

  it('shows the stored card, then each pushed change; a pick reaches the hub', async () => {
    const { callers, push } = setup(
      card({ crms: { salesforce: { crm: 'salesforce', status: 'looking', matches: [] } } }),
    );
    expect(await screen.findByText('Looking up the caller in Salesforce…')).toBeInTheDocument();

    await push(card());
    fireEvent.click(await screen.findByRole('radio', { name: /Bernd/ }));
    expect(callers.pick).toHaveBeenCalledWith('c1', expect.objectContaining({ id: 'b' }));
  });

  it('renders CRM markup as text (C28)', async () => {
    const markup = match('m', 'Acme <b>Bold</b> "Quote" & Co');
    const { push } = setup(null);
    await push(
      card({ crms: { salesforce: { crm: 'salesforce', status: 'found', matches: [markup] } } }),
    );
    expect(await screen.findByText('Acme <b>Bold</b> "Quote" & Co')).toBeInTheDocument();
    expect(document.querySelector('b')).toBeNull();
  });

  it('ignores cards of other calls', async () => {
    const { push } = setup(null);
    await push(card({ callId: 'other' }));
    expect(screen.queryByText('Salesforce')).toBeNull();
    await push(card());
    expect(screen.getByText('Salesforce')).toBeInTheDocument();
  });
});
