/**
 * The engine's configuration, from effective settings. This is the only path by which the
 * SIP password leaves storage, and it goes only to the engine.
 */
import type { EngineAccount, EngineConfig } from '../protocol/messages.ts';
import type { Settings } from '../settings/settings.ts';
import { loadEffectiveSettings } from '../settings/store.ts';

/** An account is worth trying once server and address are set; the engine checks the rest. */
export function accountFrom(settings: Settings): EngineAccount | null {
  if (!settings.sipServer || !settings.sipUri) return null;
  return {
    server: settings.sipServer,
    sipUri: settings.sipUri,
    password: settings.password,
    registerExpires: settings.registerExpires,
    iceServers: settings.iceServers,
    ...(settings.authorizationUser ? { authorizationUser: settings.authorizationUser } : {}),
    ...(settings.displayName ? { displayName: settings.displayName } : {}),
  };
}

export function configFrom(settings: Settings): EngineConfig {
  return {
    account: accountFrom(settings),
    devices: {
      microphoneId: settings.microphoneId,
      speakerId: settings.speakerId,
      ringerId: settings.ringerId,
    },
    callWaiting: settings.callWaiting,
  };
}

export async function loadEngineConfig(): Promise<EngineConfig> {
  return configFrom(await loadEffectiveSettings());
}
