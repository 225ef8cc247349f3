/**
 * The options form rendered for the options tests, with a hub that stores a save as
 * src/settings/store.ts does and passes every account test.
 */
import { fireEvent, render, screen } from '@testing-library/preact';
import { vi } from 'vitest';
import type { AccountTestResult, SettingsPatch, SettingsView } from '../../protocol/messages.ts';
import type { DeviceInfo } from '../ports.ts';
import { makeView, savedView } from './fixtures.ts';
import { OptionsForm } from './options-form.tsx';

export function renderForm(view = makeView(), devices: DeviceInfo[] = []) {
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
