// @vitest-environment jsdom
import '../testing.ts';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { AccountTestResult, SettingsPatch, SettingsView } from '../../protocol/messages.ts';
import type { DeviceInfo } from '../ports.ts';
import { makeView, savedView } from './fixtures.ts';
import { OptionsForm } from './options-form.tsx';

function setup(view = makeView(), devices: DeviceInfo[] = []) {
  const onSave = vi.fn((patch: SettingsPatch): Promise<SettingsView> =>
    Promise.resolve(savedView(view, patch)),
  );
  const onTest = vi.fn((_: SettingsPatch): Promise<AccountTestResult> =>
    Promise.resolve({ registered: true, ms: 123.4 }),
  );
  render(
    <OptionsForm
      view={view}
      devices={devices}
      onSave={onSave}
      onTest={onTest}
      onOpenOnboarding={vi.fn()}
    />,
  );
  const type = (label: string | RegExp, value: string) =>
    fireEvent.input(screen.getByLabelText(label), { target: { value } });
  const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  return { onSave, onTest, type, save };
}

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

describe('OptionsForm dial and detection rules', () => {
  it('saves the international prefix and the filter words, one per line', async () => {
    const { onSave, type, save } = setup(
      makeView({ values: { ...makeView().values, numberIgnoreLabels: ['invoice*'] } }),
    );
    type('International prefix', '00');
    type('No phone number after these words', 'invoice*\nKundennr.\n');
    save();
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({
        internationalPrefix: '00',
        numberIgnoreLabels: ['invoice*', 'Kundennr.'],
      }),
    );
  });

  it('names a bad prefix and a bad word', () => {
    const { onSave, type, save } = setup();
    type('International prefix', '+00');
    type('No phone number after these words', 'invoice\norder#');
    save();
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('International prefix: Enter + or two to four digits');
    expect(summary).toHaveTextContent('No phone number after these words: “order#” may hold');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('counts the other bad entries of a list after naming the first', () => {
    const { onSave, type, save } = setup();
    type('No phone number after these words', 'order#\ninvoice\nref 2\n#tag');
    type('Your own numbers', '+49 30 9876543\n030 1234567');
    type('Additional host names for HubSpot', 'crm.example.com, bad host, *.com');
    save();
    const items = within(screen.getByRole('alert')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'No phone number after these words: “order#” may hold only letters, with spaces, dots, colons or dashes between words, and a * at the end. 2 more entries are not valid either.',
      'Your own numbers: “030 1234567” is not a number in international form such as +49 30 9876543.',
      'Additional host names for HubSpot: “bad host” is not a valid host name or IP address. One more entry is not valid either.',
    ]);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves own numbers in E.164 and names one that is not international', async () => {
    const { onSave, type, save } = setup();
    type('Your own numbers', '030 9876543');
    save();
    expect(screen.getByRole('alert')).toHaveTextContent('Your own numbers: “030 9876543” is not');
    type('Your own numbers', '+49 (30) 987-6543\n+43 1 5556677');
    save();
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({ ownNumbers: ['+49309876543', '+4315556677'] }),
    );
  });

  it('saves an own number written with (0) after the calling code without the 0', async () => {
    const { onSave, type, save } = setup();
    type('Your own numbers', '+49 (0)30 1234567\n+49(0)30-7654321');
    save();
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({ ownNumbers: ['+49301234567', '+49307654321'] }),
    );
  });

  it('refuses an own number no numbering plan knows', () => {
    const { onSave, type, save } = setup();
    type('Your own numbers', '+49 1234');
    save();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Your own numbers: “+49 1234” is not a number in international form',
    );
    expect(onSave).not.toHaveBeenCalled();
  });

  it('says why a wildcard over a whole public suffix is refused', () => {
    const { onSave, type, save } = setup();
    type('Additional host names for Salesforce', '*.co.uk');
    save();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Additional host names for Salesforce: “*.co.uk” takes in every site under .co.uk: name your organisation’s own domain, such as *.example.co.uk.',
    );
    expect(onSave).not.toHaveBeenCalled();
  });

  it('names an extra host given for two CRMs at the second', () => {
    const { onSave, type, save } = setup();
    type('Additional host names for Salesforce', 'crm.example.com');
    type('Additional host names for Zendesk', 'crm.example.com');
    save();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Additional host names for Zendesk: “crm.example.com” is already named for another CRM',
    );
    expect(onSave).not.toHaveBeenCalled();
  });

  it('names an extra host that another CRM’s hosts already take in', () => {
    const { onSave, type, save } = setup();
    type('Additional host names for Salesforce', '*.example.com');
    type('Additional host names for HubSpot', 'acme.zendesk.com');
    type('Additional host names for Zendesk', 'crm.example.com');
    save();
    const items = within(screen.getByRole('alert')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Additional host names for HubSpot: “acme.zendesk.com” overlaps “*.zendesk.com”, a host of another CRM: a host belongs to one CRM only.',
      'Additional host names for Zendesk: “crm.example.com” overlaps “*.example.com”, a host of another CRM: a host belongs to one CRM only.',
    ]);
    expect(onSave).not.toHaveBeenCalled();
  });

  it("saves the org's own hosts per CRM and names a bad one", async () => {
    const { onSave, type, save } = setup();
    type('Your organisation’s host names for Salesforce', 'acme.lightning.force.com\nacme corp');
    save();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Your organisation’s host names for Salesforce: “acme corp” is not a valid host name',
    );
    type('Your organisation’s host names for Salesforce', 'acme.my.salesforce.com');
    save();
    expect(screen.getByRole('alert')).toHaveTextContent(
      '“acme.my.salesforce.com” is not one of this CRM’s own hosts (*.lightning.force.com). Other hosts go under the additional host names.',
    );
    type('Your organisation’s host names for Salesforce', 'acme.lightning.force.com');
    save();
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({
        orgHosts: { salesforce: ['acme.lightning.force.com'], hubspot: [], zendesk: [] },
      }),
    );
  });

  it('shows them locked when the policy sets them', () => {
    setup(makeView({ locked: ['internationalPrefix', 'numberIgnoreLabels', 'ownNumbers'] }));
    expect(screen.getByLabelText('Your own numbers')).toBeDisabled();
    expect(screen.getByLabelText('International prefix')).toBeDisabled();
    const words = screen.getByLabelText('No phone number after these words');
    expect(words).toBeDisabled();
    expect(words).toHaveAccessibleDescription(/Set by your administrator/);
  });
});

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
      'Details: Could not connect to the server. Error message: WebSocket closed wss://pbx.invalid:8089/ws (code: 1006)',
    );
    expect(detail.textContent).not.toMatch(/\(\(|\)\)/);
  });

  it('clears an earlier result when the next test is refused, and keeps focus on the button', async () => {
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
