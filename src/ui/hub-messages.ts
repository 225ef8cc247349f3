/**
 * Messages the views need from the hub beyond src/protocol/messages.ts. They follow its
 * `Msg<request, response>` shape so the lead can move them into `Messages` as they are.
 * TODO(#3): fold into src/protocol/messages.ts when the hub implements them.
 */
import type { Messages } from '../protocol/messages.ts';
import type { RegistrationFailure } from '../protocol/phone-state.ts';
import type { SettingKey, Settings } from '../settings/settings.ts';

interface Msg<Req, Res> {
  request: Req;
  response: Res;
}

/** Keys whose values never travel to a view: it only learns whether one is stored. */
export type SecretKey = 'password' | 'hubspotToken';

/** A policy value the hub could not apply, and why (from src/policy). */
export interface IgnoredPolicy {
  key: string;
  reason: string;
}

/** Effective settings as the options page sees them. */
export interface SettingsView {
  values: Omit<Settings, SecretKey>;
  /** Whether a secret is stored (by the user or by policy). */
  secrets: Record<SecretKey, boolean>;
  /** Keys set by admin policy: shown, never editable. */
  locked: SettingKey[];
  ignored: IgnoredPolicy[];
}

/**
 * A patch of user settings. A secret left out keeps the stored one; the hub refuses locked keys
 * and invalid values (reply `{ok: false, error}`).
 */
export type SettingsPatch = Partial<Settings>;

export type AccountTestResult =
  | { registered: true; ms: number }
  | { registered: false; failure: RegistrationFailure | 'timeout'; detail?: string };

export interface UiMessages {
  'settings.get': Msg<null, SettingsView>;
  'settings.save': Msg<{ patch: SettingsPatch }, SettingsView>;
  /** Register once with the stored settings overlaid by `patch`, then unregister. */
  'account.test': Msg<{ patch: SettingsPatch }, AccountTestResult>;
  /** The onboarding page obtained the microphone grant; the engine may retry media. */
  'media.granted': Msg<null, null>;
  /** Missed calls not yet seen (the badge count). */
  'history.missed': Msg<null, { count: number }>;
}

export type HubMessages = Messages & UiMessages;
export type HubMessageName = keyof HubMessages;
export type HubRequest<K extends HubMessageName> = HubMessages[K]['request'];
export type HubResponse<K extends HubMessageName> = HubMessages[K]['response'];

/** The per-call commands, straight from the protocol. */
export type CallCommandName = Extract<keyof Messages, `call.${string}`>;
