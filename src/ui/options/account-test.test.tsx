// @vitest-environment jsdom
import '../testing.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { SettingsView } from '../../protocol/messages.ts';
import type { DeviceInfo } from '../ports.ts';
import { makeView } from './fixtures.ts';
import { renderForm as setup } from './render-form.tsx';

describe('OptionsForm account test and devices', () => {
  it('tests the account with the form values and reports the time', async () => {
    const { onTest, type } = setup();
    type('Password', 'typed-secret');
    fireEvent.click(screen.getByRole('button', { name: 'Test account' }));
    expect(await screen.findByText('Registered in 123 ms. The account works.')).toBeVisible();
    expect(onTest).toHaveBeenCalledWith({ password: 'typed-secret' });
  });

  it('reports a failed test with what to do', async () => {
    const { onTest } = setup();
    onTest.mockResolvedValueOnce({
      registered: false,
      failure: 'credentials-rejected',
      detail: '403 Forbidden',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Test account' }));
    expect(await screen.findByText(/check the authorization user and the password/)).toBeVisible();
    expect(screen.getByText(/403 Forbidden/)).toBeVisible();
  });

  it('says in words why the server could not be reached', async () => {
    const { onTest } = setup();
    onTest.mockResolvedValueOnce({
      registered: false,
      failure: 'server-unreachable',
      cause: 'connect-failed',
      detail: 'WebSocket closed wss://pbx.invalid:8089/ws (code: 1006)',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Test account' }));
    const detail = await screen.findByText(/^Details: /);
    expect(detail).toHaveTextContent(
      'Details: Could not connect to the server. Error message: WebSocket closed ' +
        'wss://pbx.invalid:8089/ws (code: 1006)',
    );
    expect(detail.textContent).not.toMatch(/\(\(|\)\)/);
  });

  it('clears an old result when the next test is refused; focus stays on the button', async () => {
    const { onTest, type } = setup();
    onTest.mockResolvedValueOnce({
      registered: false,
      failure: 'credentials-rejected',
      detail: '403 Forbidden',
    });
    const button = screen.getByRole('button', { name: 'Test account' });
    button.focus();
    fireEvent.click(button);
    expect(await screen.findByText(/403 Forbidden/)).toBeVisible();
    expect(button).toBeEnabled();
    expect(button).toHaveFocus();

    type('Server URL (WebSocket)', 'wss://pbx..x');
    fireEvent.click(button);
    expect(screen.getByRole('alert')).toHaveTextContent('Server URL (WebSocket)');
    expect(screen.queryByText(/403 Forbidden/)).toBeNull();
  });

  it('keeps naming only account fields while the agent fixes a refused test', () => {
    const { type } = setup();
    type('Your own numbers', '+49 1234');
    type('Server URL (WebSocket)', 'https://pbx.example.test');
    fireEvent.click(screen.getByRole('button', { name: 'Test account' }));
    type('Server URL (WebSocket)', 'wss://pbx..x');
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('Server URL (WebSocket)');
    expect(summary).not.toHaveTextContent('Your own numbers');
  });

  it('does not test an invalid account', () => {
    const { onTest, type } = setup();
    type('SIP address', 'alice');
    fireEvent.click(screen.getByRole('button', { name: 'Test account' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'SIP address: Enter an address such as sip:1001@',
    );
    expect(onTest).not.toHaveBeenCalled();
  });

  it('explains hidden device names and keeps a saved device that is unplugged', () => {
    const devices: DeviceInfo[] = [
      { deviceId: 'a1', kind: 'audioinput', label: '' },
      { deviceId: 'o1', kind: 'audiooutput', label: '' },
    ];
    const base = makeView();
    setup(makeView({ values: { ...base.values, speakerId: 'gone' } }), devices);
    expect(screen.getByText(/Device names appear once the microphone is allowed/)).toBeVisible();

    const mic = within(screen.getByLabelText('Microphone'));
    expect(mic.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'System default',
      'Device 1',
    ]);
    expect(screen.getByLabelText('Speaker')).toHaveDisplayValue('Saved device (not connected)');
  });
});

describe('OptionsForm keeps the agent where they were', () => {
  it('tests the account although an unrelated field is not valid', async () => {
    const { onTest, type } = setup();
    type('Your own numbers', '030 9876543');
    type('Display name', 'Alice A');
    const button = screen.getByRole('button', { name: 'Test account' });
    button.focus();
    fireEvent.click(button);

    await waitFor(() => expect(onTest).toHaveBeenCalledWith({ displayName: 'Alice A' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(button).toHaveFocus();
  });

  it('keeps focus on Save while and after saving', async () => {
    const { onSave, type, save } = setup();
    let answer = (_: SettingsView) => {};
    onSave.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    type('Display name', 'Alice A');
    const button = screen.getByRole('button', { name: 'Save' });
    button.focus();
    save();

    await screen.findByText('Saving…');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    // Chrome moves focus off a disabled button to <body>; jsdom does not, so check the cause.
    expect(button).toBeEnabled();
    save();
    expect(onSave).toHaveBeenCalledTimes(1);

    answer(makeView());
    await screen.findByText('Settings saved.');
    expect(button).toHaveFocus();
    expect(button).not.toHaveAttribute('aria-disabled');
  });
});
