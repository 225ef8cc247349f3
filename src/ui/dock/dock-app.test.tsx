// @vitest-environment jsdom
import '../testing.ts';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { CallerCard } from '../../protocol/caller-card.ts';
import type { PhoneSnapshot } from '../../protocol/phone-state.ts';
import { makeCall, makeSnapshot } from '../phone/fixtures.ts';
import type { CallerHub, DockStore, PhoneHub } from '../ports.ts';
import { DockApp } from './dock-app.tsx';
import { DockView } from './dock-view.tsx';

/** `card`: what the hub has for every call (the dock is in tab 7); no `card`, no CallerHub. */
function setup(kept: boolean, card?: Partial<CallerCard> | null) {
  let show: (() => void) | undefined;
  let listener: ((s: PhoneSnapshot) => void) | undefined;
  const hub: PhoneHub = {
    snapshot: () => Promise.resolve(makeSnapshot()),
    subscribe: (l) => {
      listener = l;
      return () => undefined;
    },
    missedCalls: () => Promise.resolve(2),
    clearMissed: vi.fn(() => Promise.resolve()),
    dial: vi.fn(() => Promise.resolve()),
    command: vi.fn(() => Promise.resolve()),
    openOptions: vi.fn(),
    openOnboarding: vi.fn(),
  };
  const store: DockStore = {
    loadCollapsed: vi.fn(() => Promise.resolve(kept)),
    saveCollapsed: vi.fn(() => Promise.resolve()),
    reportLayout: vi.fn(),
    tabId: () => Promise.resolve(7),
    onShown: (listener) => {
      show = listener;
      return () => (show = undefined);
    },
  };
  const callers: CallerHub = {
    card: vi.fn((callId: string) =>
      Promise.resolve(
        card
          ? {
              callId,
              number: '+4930123',
              direction: 'inbound' as const,
              crms: {},
              popped: [],
              createdAt: 0,
              ...card,
            }
          : null,
      ),
    ),
    subscribe: () => () => undefined,
    pick: vi.fn(() => Promise.resolve()),
  };
  render(<DockApp hub={hub} store={store} {...(card === undefined ? {} : { callers })} />);
  const push = async (s: PhoneSnapshot) => {
    await act(() => listener?.(s));
  };
  return { hub, store, push, callers, show: () => act(() => show?.()) };
}

describe('DockApp', () => {
  it('opens collapsed when that was kept, and keeps the new state when toggled', async () => {
    const { hub, store } = setup(true);
    const handle = await screen.findByRole('button', { name: 'Open softphone' });
    expect(handle).toHaveAttribute('aria-expanded', 'false');
    await waitFor(() => expect(store.reportLayout).toHaveBeenLastCalledWith(true));
    expect(store.reportLayout).not.toHaveBeenCalledWith(false);

    fireEvent.click(handle);
    expect(await screen.findByText('Ready for calls')).toBeInTheDocument();
    // The dock shows missed calls; only the popup counts as having looked at them.
    expect(await screen.findByText('Missed calls: 2')).toBeInTheDocument();
    expect(hub.clearMissed).not.toHaveBeenCalled();
    expect(store.saveCollapsed).toHaveBeenLastCalledWith(false);
    await waitFor(() => expect(store.reportLayout).toHaveBeenLastCalledWith(false));

    fireEvent.click(screen.getByRole('button', { name: 'Collapse softphone' }));
    expect(store.saveCollapsed).toHaveBeenLastCalledWith(true);
    expect(screen.queryByLabelText('Number or SIP address')).toBeNull();
  });

  it('unfolds for an incoming call without changing the kept state', async () => {
    const { store, push } = setup(true);
    await screen.findByRole('button', { name: 'Open softphone' });

    await push(makeSnapshot({ calls: [makeCall({ remoteName: 'Ada' })] }));
    expect(screen.getByRole('button', { name: 'Answer' })).toBeInTheDocument();
    expect(store.saveCollapsed).not.toHaveBeenCalled();
  });

  it('unfolds in the CRM tab the hub chose for the call, stays folded in the others', async () => {
    const chosen = setup(true, { dockTabId: 7 });
    await screen.findByRole('button', { name: 'Open softphone' });
    await chosen.push(makeSnapshot({ calls: [makeCall({ id: 'in-7' })] }));
    expect(await screen.findByRole('button', { name: 'Answer' })).toBeInTheDocument();
    cleanup();

    const other = setup(true, { dockTabId: 8 });
    await screen.findByRole('button', { name: 'Open softphone' });
    await other.push(makeSnapshot({ calls: [makeCall({ id: 'in-8' })] }));
    await waitFor(() => expect(other.callers.card).toHaveBeenCalledWith('in-8'));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(screen.getByRole('button', { name: /Open softphone/ })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    expect(screen.queryByRole('button', { name: 'Answer' })).toBeNull();
  });

  it('unfolds in another tab when the agent shows it while the call rings', async () => {
    const { push, show } = setup(true, { dockTabId: 8 });
    await screen.findByRole('button', { name: 'Open softphone' });
    await push(makeSnapshot({ calls: [makeCall({ id: 'shown' })] }));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(screen.queryByRole('button', { name: 'Answer' })).toBeNull();
    await show();
    expect(await screen.findByRole('button', { name: 'Answer' })).toBeInTheDocument();
  });

  it('does not unfold late for a call that stopped ringing meanwhile', async () => {
    const { push, callers } = setup(true, null);
    await screen.findByRole('button', { name: 'Open softphone' });
    await push(makeSnapshot({ calls: [makeCall({ id: 'gone' })] }));
    await waitFor(() => expect(callers.card).toHaveBeenCalledWith('gone'));
    await push(makeSnapshot({ calls: [makeCall({ id: 'gone', state: 'ended' })] }));
    await act(() => new Promise((r) => setTimeout(r, 1700)));
    expect(screen.getByRole('button', { name: /Open softphone/ })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });

  it('unfolds anyway when the hub has no card for the call in time', async () => {
    const { push } = setup(true, null);
    await screen.findByRole('button', { name: 'Open softphone' });
    await push(makeSnapshot({ calls: [makeCall({ id: 'no-card' })] }));
    expect(screen.queryByRole('button', { name: 'Answer' })).toBeNull();
    expect(
      await screen.findByRole('button', { name: 'Answer' }, { timeout: 3000 }),
    ).toBeInTheDocument();
  });
});

describe('DockView', () => {
  it('shows caller cards above the phone, and the call count on the handle', () => {
    const phone = { snapshot: makeSnapshot({ calls: [makeCall()] }), missed: 0 };
    const actions = {
      dial: vi.fn(),
      command: vi.fn(),
      openOptions: vi.fn(),
      openOnboarding: vi.fn(),
    };
    const callers = [
      { crmLabel: 'HubSpot', number: '+49301234567', status: 'none' as const, matches: [] },
    ];
    const view = render(
      <DockView
        phone={phone}
        now={0}
        actions={actions}
        collapsed={false}
        onToggle={vi.fn()}
        callers={callers}
      />,
    );
    expect(screen.getByRole('region', { name: 'Caller in HubSpot' })).toBeInTheDocument();

    view.rerender(
      <DockView phone={phone} now={0} actions={actions} collapsed onToggle={vi.fn()} />,
    );
    expect(screen.getByRole('button', { expanded: false })).toHaveAccessibleName(
      /^Open softphone\s*Calls: 1$/,
    );
  });
});
