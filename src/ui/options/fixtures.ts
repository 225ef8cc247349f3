/** A settings view as the hub would send it, for the options tests. */
import { DEFAULT_SETTINGS } from '../../settings/settings.ts';
import type { SettingsView } from '../hub-messages.ts';

export function makeView(overrides: Partial<SettingsView> = {}): SettingsView {
  const { password: _p, hubspotToken: _h, ...values } = DEFAULT_SETTINGS;
  return {
    values: {
      ...values,
      sipServer: 'wss://pbx.example.test:8089/ws',
      sipUri: 'sip:alice@sip.test',
      displayName: 'Alice',
    },
    secrets: { password: true, hubspotToken: false },
    locked: [],
    ignored: [],
    ...overrides,
  };
}
