// @vitest-environment jsdom
import '../testing.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { makeView } from './fixtures.ts';
import { renderForm as setup } from './render-form.tsx';

describe('OptionsForm validation', () => {
  it('names the field in its message, marks it and moves focus to it', async () => {
    const { onSave, type, save } = setup();
    type('Server URL (WebSocket)', 'https://pbx.example.test');
    save();

    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent(
      'Server URL (WebSocket): Enter a WebSocket address such as wss://',
    );
    const field = screen.getByLabelText('Server URL (WebSocket)');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(
      /Server URL \(WebSocket\): Enter a WebSocket address/,
    );
    await waitFor(() => expect(field).toHaveFocus());
    expect(onSave).not.toHaveBeenCalled();

    // A second save with the same mistake takes the agent back to it again.
    const button = screen.getByRole('button', { name: 'Save' });
    button.focus();
    save();
    await waitFor(() => expect(field).toHaveFocus());
  });

  it('says what is wrong with a server address in words the agent can act on', () => {
    const { type, save } = setup();
    type('Server URL (WebSocket)', 'wss://pbx example.com/ws');
    save();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Server URL (WebSocket): Spaces cannot be used here.',
    );
    type('Server URL (WebSocket)', 'wss://1001:secret@pbx.example.com/ws');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Server URL (WebSocket): The address cannot hold a user name or password',
    );
    type('Display name', 'Max\u0007');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Display name: The invisible character U+0007 cannot be used here.',
    );
  });

  it('names the ICE server row and the CRM whose hosts are wrong', () => {
    const { type, save } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Add ICE server' }));
    type('URL', 'turn:turn.example.test:3478');
    type('Additional host names for Zendesk', 'support.example.test\nnot a host');
    save();

    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent(
      'ICE server 1: A TURN server needs a user name and a password.',
    );
    expect(summary).toHaveTextContent(
      'Additional host names for Zendesk: “not a host” is not a valid host name',
    );
  });

  it('refuses a server the engine could not register with, and takes a quoted name', () => {
    const { onSave, type, save } = setup();
    type('Server URL (WebSocket)', 'ws://pbx.example.test/ws');
    type('SIP address', 'sip:1001@pbx.example.test;transport=ws');
    type('Display name', 'Hotline "Süd"');
    save();

    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('Server URL (WebSocket): Use wss://.');
    expect(summary).toHaveTextContent('SIP address: Leave out parameters such as ;transport=ws');
    expect(summary).not.toHaveTextContent('Display name');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('clears a message once the field is corrected', () => {
    const { type, save } = setup();
    type('Registration interval (seconds)', '5');
    save();
    expect(screen.getByRole('alert')).toHaveTextContent('Registration interval (seconds)');
    type('Registration interval (seconds)', '300');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('takes the registration interval in plain digits only', () => {
    const { onSave, type, save } = setup();
    for (const written of ['0x258', '6e2', '600.5', '+600']) {
      type('Registration interval (seconds)', written);
      save();
      expect(screen.getByRole('alert'), written).toHaveTextContent('Registration interval');
    }
    expect(onSave).not.toHaveBeenCalled();
  });
});

describe('OptionsForm saving', () => {
  it('saves only what changed, and says so', async () => {
    const { onSave, type, save } = setup();
    type('Display name', 'Alice Agent');
    fireEvent.click(screen.getByRole('button', { name: 'Add ICE server' }));
    type('URL', 'stun:stun.example.test:3478');
    type('Outside-line prefix', '0');
    save();

    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({
        displayName: 'Alice Agent',
        iceServers: [{ urls: 'stun:stun.example.test:3478' }],
        outsideLinePrefix: '0',
      }),
    );
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
  });

  it('shows why the hub refused to save', async () => {
    const { onSave, save } = setup();
    onSave.mockRejectedValueOnce(new Error('sipUri: domain not allowed'));
    save();
    expect(await screen.findByText(/could not be saved: sipUri: domain not allowed/)).toBeVisible();
  });
});

describe('OptionsForm secrets are write-only', () => {
  it('never shows the stored password; empty keeps it, typed replaces it', async () => {
    const { onSave, type, save } = setup();
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveValue('');
    expect(password).toHaveAccessibleDescription(/A value is stored/);

    save();
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({}));

    type('Password', 'alice-secret');
    save();
    await waitFor(() => expect(onSave).toHaveBeenLastCalledWith({ password: 'alice-secret' }));
    await waitFor(() => expect(screen.getByLabelText('Password')).toHaveValue(''));
  });

  it('removes a stored secret only when the agent ticks it, and keeps a typed one', async () => {
    const view = makeView({ secrets: { password: true, hubspotToken: true } });
    const { onSave, type, save } = setup(view);
    const forgetPassword = screen.getByLabelText(
      'Remove the stored value of “Password” when saving',
    );
    fireEvent.click(forgetPassword);
    fireEvent.click(
      screen.getByLabelText(/Remove the stored value of “HubSpot private app access token”/),
    );
    type('HubSpot private app access token', 'pat-eu1-new');
    save();
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({ password: '', hubspotToken: 'pat-eu1-new' }),
    );
  });

  it('offers no removal for a secret not stored or set by policy', () => {
    setup(makeView({ secrets: { password: false, hubspotToken: true }, locked: ['hubspotToken'] }));
    expect(screen.queryByLabelText(/Remove the stored value/)).toBeNull();
  });

  it('treats the HubSpot token the same way', () => {
    setup(makeView({ secrets: { password: false, hubspotToken: true } }));
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Not set.');
    const token = screen.getByLabelText('HubSpot private app access token');
    expect(token).toHaveValue('');
    expect(token).toHaveAccessibleDescription(/A value is stored/);
  });
});

describe('OptionsForm under admin policy', () => {
  const view = makeView({
    locked: ['sipServer', 'crmEnabled', 'hubspotToken', 'iceServers'],
    ignored: [{ key: 'registerExpires', reason: 'must be a number, got "ten"' }],
  });

  it('shows locked settings disabled and marked as set by the administrator', () => {
    setup(view);
    const server = screen.getByLabelText('Server URL (WebSocket)');
    expect(server).toBeDisabled();
    expect(server).toHaveValue('wss://pbx.example.test:8089/ws');
    expect(server).toHaveAccessibleDescription(/Set by your administrator/);
    expect(screen.getByLabelText('Use Salesforce')).toBeDisabled();
    expect(screen.getByLabelText('HubSpot private app access token')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Add ICE server' })).toBeDisabled();
    expect(screen.getByLabelText('SIP address')).toBeEnabled();
  });

  it('lists the policy values that were ignored, and why', () => {
    setup(view);
    const admin = screen.getByRole('region', { name: 'Set by your administrator' });
    expect(admin).toHaveTextContent('Settings your administrator has set: 4.');
    const ignored = within(admin).getByRole('listitem');
    expect(ignored).toHaveTextContent('registerExpires: must be a number, got "ten"');
  });

  it('has no admin section without policy', () => {
    setup();
    expect(screen.queryByRole('region', { name: 'Set by your administrator' })).toBeNull();
  });
});

describe('OptionsForm with a SIP domain set by policy', () => {
  const view = makeView({
    locked: ['sipServer'],
    sipDomain: { name: 'pbx.example.test', locked: true },
  });

  it('takes the extension alone, as the hub does, and says which domain completes it', async () => {
    const { onSave, type, save } = setup(view);
    const address = screen.getByLabelText('SIP address');
    expect(address).toHaveAccessibleDescription(/the domain: pbx\.example\.test\./);
    type('SIP address', '1001');
    save();
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ sipUri: '1001' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('still refuses what is no extension', () => {
    const { onSave, type, save } = setup(view);
    type('SIP address', '10 01');
    save();
    expect(screen.getByRole('alert')).toHaveTextContent('SIP address: Spaces cannot be used here.');
    expect(onSave).not.toHaveBeenCalled();
  });
});
