// @vitest-environment jsdom
import '../testing.ts';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { PhoneSnapshot } from '../../protocol/phone-state.ts';
import { makeCall, makeSnapshot } from '../phone/fixtures.ts';
import type { DockStore, PhoneHub } from '../ports.ts';
import { DockApp } from './dock-app.tsx';
import { DockView } from './dock-view.tsx';

function setup(kept: boolean) {
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
  };
  render(<DockApp hub={hub} store={store} />);
  const push = async (s: PhoneSnapshot) => {
    await act(() => listener?.(s));
  };
  return { hub, store, push };
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
