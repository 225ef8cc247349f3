/** A settings view as the hub would send it, for the options tests. */
import { DEFAULT_SETTINGS, type Settings } from '../../settings/settings.ts';
import type { SettingsPatch, SettingsView } from '../../protocol/messages.ts';
import { keepIceCredentials, viewOf } from '../../settings/store.ts';

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

/** The view the hub answers a save with: the patch stored as src/settings/store.ts does. */
export function savedView(view: SettingsView, patch: SettingsPatch): SettingsView {
  // The page never learns a stored secret; any text stands in for one here.
  const stored = view.values.iceServers.map(({ credentialStored, ...server }) =>
    credentialStored ? { ...server, credential: 'stored' } : server,
  );
  const settings: Settings = {
    ...view.values,
    iceServers: stored,
    password: view.secrets.password ? 'stored' : '',
    hubspotToken: view.secrets.hubspotToken ? 'stored' : '',
    ...(keepIceCredentials(patch, stored) as SettingsPatch),
  };
  const { locked, ignored, sipDomain } = view;
  return viewOf({ settings, locked, ignored, ...(sipDomain ? { sipDomain } : {}) });
}
