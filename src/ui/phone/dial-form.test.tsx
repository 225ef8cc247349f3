// @vitest-environment jsdom
import '../testing.ts';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DialForm } from './dial-form.tsx';

function setup(onDial = vi.fn(() => Promise.resolve())) {
  render(<DialForm onDial={onDial} />);
  const input = screen.getByLabelText<HTMLInputElement>('Number or SIP address');
  return { input, onDial };
}

describe('DialForm', () => {
  it('builds the number from keypad buttons and dials it on Enter', async () => {
    const { input, onDial } = setup();
    for (const key of ['0', '3', '0', '*', '#']) {
      fireEvent.click(screen.getByRole('button', { name: key }));
    }
    expect(input.value).toBe('030*#');

    fireEvent.input(input, { target: { value: '+49 30 1234567' } });
    fireEvent.submit(input.form as HTMLFormElement);
    await waitFor(() => expect(onDial).toHaveBeenCalledWith('+49301234567'));
    await waitFor(() => expect(input.value).toBe(''));
  });

  it('presses keypad keys typed while the pad has focus', () => {
    const { input } = setup();
    const pad = screen.getByRole('group', { name: 'Keypad' });
    fireEvent.keyDown(pad, { key: '7' });
    fireEvent.keyDown(pad, { key: '#' });
    fireEvent.keyDown(pad, { key: 'x' });
    expect(input.value).toBe('7#');
  });

  it('folds the keypad when the layout turns compact, and the agent can open it again', () => {
    const onDial = vi.fn(() => Promise.resolve());
    const { rerender } = render(<DialForm onDial={onDial} />);
    expect(screen.getByRole('group', { name: 'Keypad' })).toBeInTheDocument();

    rerender(<DialForm onDial={onDial} compact />);
    expect(screen.queryByRole('group', { name: 'Keypad' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show keypad' }));
    expect(screen.getByRole('group', { name: 'Keypad' })).toBeInTheDocument();

    rerender(<DialForm onDial={onDial} />);
    expect(screen.getByRole('group', { name: 'Keypad' })).toBeInTheDocument();
  });

  it('explains malformed input and keeps what was typed', () => {
    const { input, onDial } = setup();
    fireEvent.input(input, { target: { value: 'call 030 bob' } });
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));

    expect(onDial).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a phone number (digits, spaces and');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input.value).toBe('call 030 bob');
  });

  it('asks for a full SIP address', () => {
    const { input } = setup();
    fireEvent.input(input, { target: { value: 'sip:bob' } });
    fireEvent.submit(input.form as HTMLFormElement);
    expect(screen.getByRole('alert')).toHaveTextContent('sip:name@example.com');
  });

  it('shows why the hub refused and keeps the number', async () => {
    const { input } = setup(vi.fn(() => Promise.reject(new Error('not registered'))));
    fireEvent.input(input, { target: { value: '1001' } });
    fireEvent.submit(input.form as HTMLFormElement);
    expect(await screen.findByRole('alert')).toHaveTextContent('not registered');
    expect(input.value).toBe('1001');
  });

  it('folds the keypad away and back', () => {
    setup();
    const toggle = screen.getByRole('button', { name: 'Hide keypad' });
    fireEvent.click(toggle);
    expect(screen.queryByRole('group', { name: 'Keypad' })).toBeNull();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });
});

describe('DialForm refusals', () => {
  it('drops a refusal once the phone state it was about changes', async () => {
    const onDial = vi.fn(() => Promise.reject(new Error('No phone account is set up yet.')));
    const { rerender } = render(<DialForm onDial={onDial} phoneState="unregistered no-account" />);
    const input = screen.getByLabelText<HTMLInputElement>('Number or SIP address');
    fireEvent.input(input, { target: { value: '030 1234567' } });
    fireEvent.submit(input.form as HTMLFormElement);
    expect(await screen.findByRole('alert')).toHaveTextContent('No phone account is set up yet.');

    rerender(<DialForm onDial={onDial} phoneState="unregistered no-account" />);
    expect(screen.getByRole('alert')).toBeInTheDocument();
    rerender(<DialForm onDial={onDial} phoneState="registered" />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(input.value).toBe('030 1234567');
  });
});
