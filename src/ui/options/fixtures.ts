/** A settings view as the hub would send it, for the options tests. */
import { DEFAULT_SETTINGS, type Settings } from '../../settings/settings.ts';
import type { SettingsView } from '../../protocol/messages.ts';

export function makeView(overrides: Partial<SettingsView> = {}): SettingsView {
  const values: Partial<Settings> = { ...DEFAULT_SETTINGS };
  delete values.password;
  delete values.hubspotToken;
  return {
    values: {
      ...(values as SettingsView['values']),
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
