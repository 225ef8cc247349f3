// @vitest-environment jsdom
import '../testing.ts';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_IGNORE_LABELS } from '../../numbers/labels.ts';
import type { SettingsPatch, SettingsView } from '../../protocol/messages.ts';
import { makeView } from './fixtures.ts';
import { OptionsForm } from './options-form.tsx';

function setup(view: SettingsView) {
  const onSave = vi.fn((patch: SettingsPatch): Promise<SettingsView> => {
    const values = { ...view.values, ...patch } as SettingsView['values'];
    return Promise.resolve({ ...view, values });
  });
  render(
    <OptionsForm
      view={view}
      devices={[]}
      onSave={onSave}
      onTest={vi.fn()}
      onOpenOnboarding={vi.fn()}
    />,
  );
  return { onSave };
}

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
