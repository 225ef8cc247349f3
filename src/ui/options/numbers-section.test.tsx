// @vitest-environment jsdom
import '../testing.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IGNORE_LABELS } from '../../numbers/labels.ts';
import { makeView } from './fixtures.ts';
import { renderForm as setup } from './render-form.tsx';

describe('NumbersSection filter words', () => {
  it('brings the built-in words back after the list was emptied', async () => {
    const { onSave } = setup(makeView());
    const field = screen.getByLabelText<HTMLTextAreaElement>('No phone number after these words');
    fireEvent.input(field, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Restore the built-in words' }));
    expect(field.value).toBe(DEFAULT_IGNORE_LABELS.join('\n'));

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]?.[0].numberIgnoreLabels).toBeUndefined();
  });

  it('offers no restore when the admin locked the list', () => {
    setup(makeView({ locked: ['numberIgnoreLabels'] }));
    expect(screen.queryByRole('button', { name: 'Restore the built-in words' })).toBeNull();
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
      'No phone number after these words: “order#” may hold only letters, with spaces, dots, ' +
        'colons or dashes between words, and a * at the end. 2 more entries are not valid ' +
        'either.',
      'Your own numbers: “030 1234567” is not a number in international form such as +49 30 ' +
        '9876543.',
      'Additional host names for HubSpot: “bad host” is not a valid host name or IP address. ' +
        'One more entry is not valid either.',
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

  it('shows them locked when the policy sets them', () => {
    setup(makeView({ locked: ['internationalPrefix', 'numberIgnoreLabels', 'ownNumbers'] }));
    expect(screen.getByLabelText('Your own numbers')).toBeDisabled();
    expect(screen.getByLabelText('International prefix')).toBeDisabled();
    const words = screen.getByLabelText('No phone number after these words');
    expect(words).toBeDisabled();
    expect(words).toHaveAccessibleDescription(/Set by your administrator/);
  });
});
