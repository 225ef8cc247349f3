// @vitest-environment jsdom
import '../testing.ts';
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { MediaStatus, RegistrationSnapshot } from '../../protocol/phone-state.ts';
import { T0 } from './fixtures.ts';
import { RegistrationStatus } from './registration-status.tsx';

function setup(registration: Partial<RegistrationSnapshot>, media: MediaStatus = 'ok') {
  const onOpenOptions = vi.fn();
  const onOpenOnboarding = vi.fn();
  render(
    <RegistrationStatus
      registration={{ state: 'registered', since: T0, ...registration }}
      media={media}
      onOpenOptions={onOpenOptions}
      onOpenOnboarding={onOpenOnboarding}
    />,
  );
  return { onOpenOptions, onOpenOnboarding };
}

describe('RegistrationStatus', () => {
  it('says the phone is ready and offers nothing to fix', () => {
    setup({ state: 'registered' });
    expect(screen.getByText('Ready for calls')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('sends rejected credentials to the password in the settings', () => {
    const { onOpenOptions } = setup({
      state: 'failed',
      failure: 'credentials-rejected',
      detail: '403 Forbidden',
    });
    expect(screen.getByText(/Check the password in the settings/)).toBeInTheDocument();
    expect(screen.getByText('Details: 403 Forbidden')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('tells to check the server when it cannot be reached', () => {
    setup({ state: 'failed', failure: 'server-unreachable' });
    expect(screen.getByText(/Check the server address/)).toBeInTheDocument();
  });

  it('says in words what failed on the connection, then the error text once, as is', () => {
    setup({
      state: 'failed',
      failure: 'server-unreachable',
      cause: 'connect-failed',
      detail: 'WebSocket closed wss://pbx.example.test:8089/ws (code: 1006)',
    });
    expect(
      screen.getByText(
        'Details: Could not connect to the server. Error message: WebSocket closed ' +
          'wss://pbx.example.test:8089/ws (code: 1006)',
      ),
    ).toBeInTheDocument();
  });

  it('keeps the settings advice for a server never reached with these settings', () => {
    const { onOpenOptions } = setup({
      state: 'failed',
      failure: 'server-unreachable',
      cause: 'connect-failed',
      retryAt: T0 + 12_000,
    });
    expect(screen.getByText('Not connected: calls cannot be made or received')).toBeVisible();
    expect(screen.getByText(/Check the server address in the settings/)).toBeVisible();
    expect(screen.getByText(/^Next attempt at .*:12/)).toBeVisible();
    expect(screen.queryByText(/Reconnecting/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('says a lost connection is coming back by itself and when, without the settings', () => {
    setup({
      state: 'failed',
      failure: 'server-unreachable',
      cause: 'reconnect-failed',
      detail: 'WebSocket closed ws://127.0.0.1:1/ws (code: 1006)',
      retryAt: T0 + 12_000,
    });
    expect(screen.getByText('Connection to the phone system lost. Reconnecting…')).toBeVisible();
    expect(screen.getByText(/the phone reconnects by itself/)).toBeVisible();
    expect(screen.getByText(/^Next attempt at .*:12/)).toBeVisible();
    expect(screen.getByText(/^Details: Could not connect to the server again\. /)).toBeVisible();
    expect(screen.queryByText(/settings/)).toBeNull();
    expect(screen.queryByText(/Not connected/)).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('names a refresh the server did not renew, which has no error text', () => {
    setup({ state: 'failed', failure: 'server-error', cause: 'refresh-failed' });
    expect(
      screen.getByText('Details: The server did not renew the registration'),
    ).toBeInTheDocument();
  });

  it('sends incomplete settings to the options', () => {
    const { onOpenOptions } = setup({ state: 'unregistered', failure: 'invalid-settings' });
    expect(screen.getByText('Not connected to the phone system')).toBeInTheDocument();
    expect(screen.getByText(/account settings are incomplete/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('asks a fresh install to set up the account, with a button to the options', () => {
    const { onOpenOptions } = setup({ state: 'unregistered', failure: 'no-account' });
    expect(screen.getByText('No phone account set up yet')).toBeInTheDocument();
    expect(screen.getByText(/enter your phone account in the settings/)).toBeInTheDocument();
    expect(screen.queryByText(/Not connected/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Set up phone account' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('says a microphone nobody was asked for is not allowed yet, not that it is blocked', () => {
    const { onOpenOnboarding } = setup({ state: 'registered' }, 'not-yet-allowed');
    expect(screen.getByText(/microphone has not been allowed yet/)).toBeInTheDocument();
    expect(screen.queryByText(/blocked/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Allow microphone' }));
    expect(onOpenOnboarding).toHaveBeenCalledOnce();
  });

  it('shows a reconnect in progress as such, not as a failure', () => {
    setup({ state: 'registering', failure: 'server-unreachable', cause: 'connection-lost' });
    expect(screen.getByText('Connection to the phone system lost. Reconnecting…')).toBeVisible();
    expect(screen.getByText('Trying to connect now…')).toBeVisible();
    expect(screen.queryByText(/settings/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open settings' })).toBeNull();
  });

  it('holds the failure and its advice while retrying a server never reached', () => {
    setup({ state: 'registering', failure: 'server-unreachable', cause: 'connect-failed' });
    expect(screen.getByText('Not connected: calls cannot be made or received')).toBeVisible();
    expect(screen.getByText(/Check the server address in the settings/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Open settings' })).toBeVisible();
  });

  it('says only that it is connecting on a first attempt', () => {
    setup({ state: 'registering' });
    expect(screen.getByText('Connecting to the phone system…')).toBeVisible();
    expect(screen.queryByText(/Trying|Next attempt/)).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it.each([
    ['blocked', 'The microphone is blocked', 'Allow microphone'],
    ['missing', 'No microphone found. Plug one in.', 'Check microphone'],
  ] as const)('links a %s microphone to the onboarding page', (media, text, button) => {
    const { onOpenOnboarding } = setup({ state: 'registered' }, media);
    expect(screen.getByText(new RegExp(text))).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: button }));
    expect(onOpenOnboarding).toHaveBeenCalledOnce();
  });
});
