// @vitest-environment jsdom
import '../testing.ts';
import { render, screen, waitFor } from '@testing-library/preact';
import { expect, it, vi } from 'vitest';
import type { SettingsHub } from '../ports.ts';
import { makeView } from './fixtures.ts';
import { OptionsApp } from './options-app.tsx';

it('re-reads the settings when the admin policy changes, showing new locks at once', async () => {
  let policyChanged = (): void => {};
  const load = vi
    .fn<SettingsHub['load']>()
    .mockResolvedValueOnce(makeView())
    .mockResolvedValueOnce(makeView({ locked: ['sipServer'] }));
  const hub: SettingsHub = {
    load,
    save: vi.fn(),
    test: vi.fn(),
    onPolicyChanged: (listener) => {
      policyChanged = listener;
      return () => {};
    },
  };
  render(
    <OptionsApp hub={hub} loadDevices={() => Promise.resolve([])} onOpenOnboarding={vi.fn()} />,
  );

  const server = await screen.findByLabelText('Server URL (WebSocket)');
  expect(server).toBeEnabled();
  policyChanged();
  await waitFor(() => expect(screen.getByLabelText('Server URL (WebSocket)')).toBeDisabled());
  expect(load).toHaveBeenCalledTimes(2);
});
