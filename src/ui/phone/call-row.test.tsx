// @vitest-environment jsdom
import '../testing.ts';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { CallSnapshot } from '../../protocol/phone-state.ts';
import { CallRow } from './call-row.tsx';
import { T0, makeCall } from './fixtures.ts';

function setup(call: CallSnapshot, now = T0, result = Promise.resolve()) {
  const onCommand = vi.fn(() => result);
  const view = render(
    <ul>
      <CallRow call={call} now={now} onCommand={onCommand} />
    </ul>,
  );
  const buttons = () => screen.queryAllByRole('button').map((b) => b.textContent);
  return { onCommand, buttons, view };
}

describe('CallRow controls per state', () => {
  it('offers answer and decline for an incoming call', () => {
    const { onCommand, buttons } = setup(makeCall({ state: 'incoming' }));
    expect(buttons()).toEqual(['Answer', 'Decline']);
    fireEvent.click(screen.getByRole('button', { name: 'Answer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    expect(onCommand.mock.calls).toEqual([
      ['call.answer', { callId: 'c1' }],
      ['call.decline', { callId: 'c1' }],
    ]);
  });

  it.each(['dialing', 'ringing'] as const)('offers cancel while %s', (state) => {
    const { onCommand, buttons } = setup(makeCall({ state, direction: 'outbound' }));
    expect(buttons()).toEqual(['Cancel']);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCommand).toHaveBeenCalledWith('call.hangup', { callId: 'c1' });
  });

  it('offers the in-call controls once active, with a running timer', () => {
    const call = makeCall({ state: 'active', answeredAt: T0 });
    const { onCommand, buttons } = setup(call, T0 + 205_000);
    expect(buttons()).toEqual(['Mute', 'Hold', 'Keypad', 'Transfer', 'Hang up']);
    expect(screen.getByText(/03:25/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Mute' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hold' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hang up' }));
    expect(onCommand.mock.calls).toEqual([
      ['call.mute', { callId: 'c1', muted: true }],
      ['call.hold', { callId: 'c1', held: true }],
      ['call.hangup', { callId: 'c1' }],
    ]);
  });

  it('shows muted and held as pressed toggles that undo themselves', () => {
    const call = makeCall({ state: 'active', answeredAt: T0, muted: true, held: true });
    const { onCommand } = setup(call, T0 + 61_000);
    const unmute = screen.getByRole('button', { name: 'Unmute' });
    const resume = screen.getByRole('button', { name: 'Resume' });
    expect(unmute).toHaveAttribute('aria-pressed', 'true');
    expect(resume).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/On hold · 01:01/)).toBeInTheDocument();

    fireEvent.click(unmute);
    fireEvent.click(resume);
    expect(onCommand.mock.calls).toEqual([
      ['call.mute', { callId: 'c1', muted: false }],
      ['call.hold', { callId: 'c1', held: false }],
    ]);
  });

  it('disables hold while the re-INVITE is pending', () => {
    setup(makeCall({ state: 'active', answeredAt: T0, holdPending: true }));
    expect(screen.getByRole('button', { name: 'Holding…' })).toBeDisabled();
  });

  it('says a failed hold left the caller listening, and lets hold be pressed again', () => {
    setup(makeCall({ state: 'active', answeredAt: T0, holdError: '408 Request Timeout' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Hold did not work');
    expect(alert).toHaveTextContent('408 Request Timeout');
    expect(screen.getByRole('button', { name: 'Hold' })).toBeEnabled();
  });

  it('shows an ended call with its outcome and no controls', () => {
    const { buttons } = setup(makeCall({ state: 'ended', endCause: 'busy', endedAt: T0 }));
    expect(buttons()).toEqual([]);
    expect(screen.getByText('Busy')).toBeInTheDocument();
  });

  it('reports a command the hub refused', async () => {
    const refused = Promise.reject(new Error('no such call'));
    setup(makeCall({ state: 'incoming' }), T0, refused);
    fireEvent.click(screen.getByRole('button', { name: 'Answer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('no such call');
  });
});

describe('CallRow keypad and transfer', () => {
  const active = makeCall({ state: 'active', answeredAt: T0 });

  it('sends DTMF from the keypad, clicked or typed', () => {
    const { onCommand } = setup(active);
    fireEvent.click(screen.getByRole('button', { name: 'Keypad' }));
    const pad = screen.getByRole('group', { name: 'Send tones' });
    fireEvent.click(within(pad).getByRole('button', { name: '5' }));
    fireEvent.keyDown(pad, { key: '#' });
    expect(onCommand.mock.calls).toEqual([
      ['call.dtmf', { callId: 'c1', tones: '5' }],
      ['call.dtmf', { callId: 'c1', tones: '#' }],
    ]);
  });

  it('transfers only after the target is valid and confirmed', () => {
    const { onCommand } = setup(active);
    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    const input = screen.getByLabelText('Transfer to');

    fireEvent.input(input, { target: { value: 'bob' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('alert')).toHaveTextContent('number or SIP address');

    fireEvent.input(input, { target: { value: '030 555' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText('Transfer the call to 030555?')).toBeInTheDocument();
    expect(onCommand).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Transfer now' }));
    expect(onCommand).toHaveBeenCalledWith('call.transfer', { callId: 'c1', target: '030555' });
    expect(screen.queryByLabelText('Transfer to')).toBeNull();
  });

  it('closes the transfer form with Escape without transferring', () => {
    const { onCommand } = setup(active);
    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    fireEvent.keyDown(screen.getByLabelText('Transfer to'), { key: 'Escape' });
    expect(screen.queryByLabelText('Transfer to')).toBeNull();
    expect(onCommand).not.toHaveBeenCalled();
  });

  it('shows where a transfer stands', () => {
    setup({ ...active, transfer: { target: '1002', state: 'failed', detail: '603' } });
    expect(screen.getByText('Transfer to 1002 failed.')).toBeInTheDocument();
  });
});

describe('CallRow untrusted names (C28)', () => {
  it.each(['<img src=x onerror=alert(1)>', 'Acme <b>Bold</b> "Quote" & Co'])(
    'renders %j as text',
    (remoteName) => {
      const { view } = setup(makeCall({ remoteName }));
      expect(screen.getByText(remoteName)).toBeInTheDocument();
      expect(view.container.querySelector('img, b')).toBeNull();
    },
  );

  it('clips a 5,000-character name and keeps the full text as its title', () => {
    const remoteName = 'N'.repeat(5000);
    setup(makeCall({ remoteName }));
    const name = screen.getByTitle(remoteName);
    expect(name.textContent?.length).toBeLessThan(100);
    expect(name.textContent?.endsWith('…')).toBe(true);
  });
});
