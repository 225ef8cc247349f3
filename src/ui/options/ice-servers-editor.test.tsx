// @vitest-environment jsdom
import '../testing.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { makeView } from './fixtures.ts';
import { renderForm } from './render-form.tsx';

const TURN = { urls: ['turn:turn.example.test:3478'], username: 'agent' };

function setup() {
  const base = makeView();
  const view = makeView({
    values: { ...base.values, iceServers: [{ ...TURN, credentialStored: true }] },
  });
  const { onSave, save } = renderForm(view);
  const row = within(screen.getByRole('group', { name: 'ICE server 1' }));
  const type = (label: string, value: string) =>
    fireEvent.input(row.getByLabelText(label), { target: { value } });
  return { onSave, row, type, save };
}

describe('ICE server credentials are write-only', () => {
  it('shows that one is stored, never the credential, and keeps it when left empty', async () => {
    const { onSave, row, save } = setup();
    const credential = row.getByLabelText('Password');
    expect(credential).toHaveValue('');
    expect(credential).toHaveAccessibleDescription(/A value is stored/);

    fireEvent.input(screen.getByLabelText('Display name'), { target: { value: 'Alice A' } });
    save();
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ displayName: 'Alice A' }));
  });

  it('sends a typed credential, and the row says it is stored after the save', async () => {
    const { onSave, row, type, save } = setup();
    type('Password', 'new-turn-secret');
    save();

    const url = 'turn:turn.example.test:3478';
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({
        iceServers: [{ urls: url, username: 'agent', credential: 'new-turn-secret' }],
      }),
    );
    await waitFor(() => expect(row.getByLabelText('Password')).toHaveValue(''));
    expect(row.getByLabelText('Password')).toHaveAccessibleDescription(/A value is stored/);
  });

  it('asks for the credential again once URL or user name change', async () => {
    const { onSave, row, type, save } = setup();
    type('User name', 'other');
    expect(row.getByLabelText('Password')).toHaveAccessibleDescription(/Enter it again/);
    save();
    expect(screen.getByRole('alert')).toHaveTextContent('ICE server 1: A TURN server needs');

    type('User name', 'agent');
    save();
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({}));
  });

  it('removes the stored credential with its row', async () => {
    const { onSave, save } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Remove ICE server 1' }));
    save();
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ iceServers: [] }));
  });
});

describe('ICE server URLs', () => {
  it('takes several URLs separated by commas, as every other list field does', async () => {
    const { onSave, type, save } = setup();
    type('URL', 'turn:turn.example.test:3478, turns:turn.example.test:5349');
    type('Password', 'turn-secret');
    save();
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({
        iceServers: [
          {
            urls: ['turn:turn.example.test:3478', 'turns:turn.example.test:5349'],
            username: 'agent',
            credential: 'turn-secret',
          },
        ],
      }),
    );
  });
});
