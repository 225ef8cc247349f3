// @vitest-environment jsdom
import '../testing.ts';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { PhoneSnapshot } from '../../protocol/phone-state.ts';
import type { PhoneHub } from '../ports.ts';
import { ENDED_VISIBLE_MS } from './call-list.tsx';
import { makeCall, makeSnapshot } from './fixtures.ts';
import { PopupApp } from './popup-app.tsx';

/** A hub answering from a snapshot the test controls, with a `push` like the engine's. */
function hubWith(initial: Promise<PhoneSnapshot>, missed = 0) {
  let listener: ((s: PhoneSnapshot) => void) | undefined;
  const counts = { missed };
  const hub: PhoneHub = {
    snapshot: () => initial,
    subscribe: (l) => {
      listener = l;
      return () => (listener = undefined);
    },
    missedCalls: vi.fn(() => Promise.resolve(counts.missed)),
    clearMissed: vi.fn(() => {
      counts.missed = 0;
      return Promise.resolve();
    }),
    dial: vi.fn(() => Promise.resolve()),
    command: vi.fn(() => Promise.resolve()),
    openOptions: vi.fn(),
    openOnboarding: vi.fn(),
  };
  const push = async (s: PhoneSnapshot) => {
    await act(() => listener?.(s));
  };
  return { hub, push, counts };
}

describe('PopupApp', () => {
  it('renders the hub snapshot, the missed-call count and dials through the hub', async () => {
    const { hub } = hubWith(Promise.resolve(makeSnapshot()), 3);
    render(<PopupApp hub={hub} />);
    expect(await screen.findByText('Ready for calls')).toBeInTheDocument();
    expect(await screen.findByText('Missed calls: 3')).toBeInTheDocument();

    fireEvent.input(screen.getByLabelText('Number or SIP address'), { target: { value: '1002' } });
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    await waitFor(() => expect(hub.dial).toHaveBeenCalledWith('1002'));
  });

  it('clears the missed calls it shows, and adds those missed while it is open', async () => {
    const { hub, push, counts } = hubWith(Promise.resolve(makeSnapshot()), 2);
    render(<PopupApp hub={hub} />);
    expect(await screen.findByText('Missed calls: 2')).toBeInTheDocument();
    await waitFor(() => expect(hub.clearMissed).toHaveBeenCalledTimes(1));
    expect(counts.missed).toBe(0);

    counts.missed = 1;
    await push(makeSnapshot({ calls: [makeCall({ state: 'ended', endCause: 'missed' })] }));
    expect(await screen.findByText('Missed calls: 3')).toBeInTheDocument();
    await waitFor(() => expect(counts.missed).toBe(0));
  });

  it('follows pushed changes and announces an incoming call', async () => {
    const { hub, push } = hubWith(Promise.resolve(makeSnapshot()));
    render(<PopupApp hub={hub} />);
    await screen.findByText('Ready for calls');

    await push(makeSnapshot({ calls: [makeCall({ remoteName: 'Ada' })] }));
    expect(screen.getByRole('listitem', { name: 'Call with Ada' })).toBeInTheDocument();
    expect(screen.getAllByRole('alert')[0]).toHaveTextContent('Incoming call from Ada');
  });

  it("folds the dial keypad when a call starts, so digits go to the call's tones", async () => {
    const { hub, push } = hubWith(Promise.resolve(makeSnapshot()));
    render(<PopupApp hub={hub} />);
    await screen.findByText('Ready for calls');
    expect(screen.getByRole('group', { name: 'Keypad' })).toBeInTheDocument();

    await push(makeSnapshot({ calls: [makeCall({ state: 'active', answeredAt: 1 })] }));
    expect(screen.queryByRole('group', { name: 'Keypad' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Show keypad' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Keypad' }));
    fireEvent.click(screen.getByRole('button', { name: '5' }));
    expect(hub.command).toHaveBeenCalledWith('call.dtmf', { callId: 'c1', tones: '5' });
    expect(screen.getByLabelText<HTMLInputElement>('Number or SIP address').value).toBe('');
  });

  it('keeps a push that arrives before the first snapshot answer', async () => {
    let answer: (s: PhoneSnapshot) => void = () => undefined;
    const { hub, push } = hubWith(new Promise((resolve) => (answer = resolve)));
    render(<PopupApp hub={hub} />);
    await push(makeSnapshot({ calls: [makeCall({ remoteName: 'Newer' })] }));
    await act(() => answer(makeSnapshot()));
    expect(screen.getByText('Newer')).toBeInTheDocument();
  });

  it('says so when the hub cannot be reached', async () => {
    const { hub } = hubWith(Promise.reject(new Error('Receiving end does not exist.')));
    render(<PopupApp hub={hub} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('not responding');
  });

  it('shows an ended call briefly, then drops it', async () => {
    vi.useFakeTimers({ now: Date.now() });
    try {
      const ended = makeCall({ state: 'ended', endCause: 'busy', endedAt: Date.now() });
      const { hub } = hubWith(Promise.resolve(makeSnapshot({ calls: [ended] })));
      render(<PopupApp hub={hub} />);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(10);
      });
      expect(screen.getByText('Busy')).toBeInTheDocument();

      await act(async () => {
        await vi.advanceTimersByTimeAsync(ENDED_VISIBLE_MS + 1000);
      });
      expect(screen.queryByText('Busy')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
