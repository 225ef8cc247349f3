/**
 * Every message that crosses a context boundary, by name. Requests that come from a web page
 * (content scripts) are untrusted: the hub checks the sender and validates every payload
 * (src/protocol/validate.ts) before acting.
 *
 * Routing: views and content scripts send to `hub`; the hub forwards phone commands to
 * `engine` (the offscreen document); the engine pushes `phone.changed` to `all`.
 */
import type { CallerCard, CrmStatus } from './caller-card.ts';
import type { CrmFetchAnswer, CrmFetchRequest } from './crm-fetch.ts';
import type { IgnoredPolicy, SettingsView } from '../settings/store.ts';
import type { FieldCode } from '../settings/checks/problem.ts';
import type { Settings } from '../settings/settings.ts';
import type {
  CallSnapshot,
  CrmName,
  MediaStatus,
  PhoneSnapshot,
  RecordRef,
  RegistrationCause,
  RegistrationFailure,
  AccountProblem,
} from './phone-state.ts';

export type { IgnoredPolicy, SettingsView };

interface Msg<Req, Res> {
  request: Req;
  response: Res;
}

type CallRef = { callId: string };

/** What the engine needs from the hub; the only message that carries the SIP password. */
export interface EngineConfig {
  /** Null while the account is incomplete: the engine then stays unregistered. */
  account: EngineAccount | null;
  devices: { microphoneId: string; speakerId: string; ringerId: string };
  callWaiting: boolean;
}

/** The engine's `AccountSettings`, restated here so that no context imports the engine. */
export interface EngineAccount {
  server: string;
  sipUri: string;
  authorizationUser?: string;
  password: string;
  displayName?: string;
  iceServers?: Settings['iceServers'];
  registerExpires?: number;
}

export interface FieldError {
  field: string;
  message: string;
  /** The shared check's code (src/settings/checks/problem.ts), when one refused the value. */
  code?: FieldCode;
  params?: string[];
}

/**
 * A patch of user settings: a secret left out keeps the stored one, and so does an ICE server
 * without a credential, for the same URLs and user name (src/settings/store.ts).
 */
export type SettingsPatch = Partial<Settings>;

/** The outcome of one registration attempt with an account ("test the account"). */
export type AccountTestResult =
  | { registered: true; ms: number }
  | {
      registered: false;
      failure: RegistrationFailure | 'timeout';
      cause?: RegistrationCause;
      detail?: string;
      /** With `invalid-settings` from the engine: the fields it refused, as codes. */
      problems?: AccountProblem[];
    };

export interface Messages {
  /** Views and content scripts ask for the current state; the hub asks the engine. */
  'phone.snapshot': Msg<null, PhoneSnapshot>;
  /** Dial a raw number or SIP URI; the hub validates it and applies dial rules. */
  'phone.dial': Msg<{ target: string; record?: RecordRef }, { callId: string }>;
  'call.answer': Msg<CallRef, null>;
  'call.decline': Msg<CallRef & { code?: 486 | 603 }, null>;
  'call.hangup': Msg<CallRef, null>;
  'call.mute': Msg<CallRef & { muted: boolean }, null>;
  'call.hold': Msg<CallRef & { held: boolean }, null>;
  'call.dtmf': Msg<CallRef & { tones: string }, null>;
  'call.transfer': Msg<CallRef & { target: string }, null>;
  /** The engine pushes every state change to the hub and the views. */
  'phone.changed': Msg<{ snapshot: PhoneSnapshot; changed?: CallSnapshot }, null>;
  /** Missed calls since the user last looked; the badge shows the same count. */
  'history.missed': Msg<null, { count: number }>;
  /** The user has seen the missed calls: the count and the badge go back to zero. */
  'history.clearMissed': Msg<null, null>;

  /** The onboarding page obtained the microphone grant: the engine checks again at once. */
  'media.granted': Msg<null, null>;
  /** Open (or focus) the microphone onboarding tab. */
  'media.openOnboarding': Msg<null, null>;

  /** Effective settings for views: never a secret, only whether one is stored. */
  'settings.get': Msg<null, SettingsView>;
  /** Save a patch of user settings; refused whole (with the reasons) if any value is bad. */
  'settings.save': Msg<{ patch: SettingsPatch }, SettingsView>;
  /** Register once with the stored settings overlaid by `patch`, then unregister. */
  'account.test': Msg<{ patch: SettingsPatch }, AccountTestResult>;

  /** Offscreen to hub: the engine listens now (sent once per document). */
  'engine.ready': Msg<null, null>;
  /** Hub to engine: are you listening, and with which configuration? */
  'engine.hello': Msg<null, { configHash: string | null }>;
  /** Hub to engine: apply this configuration (re-registers when the account changed). */
  'engine.configure': Msg<{ config: EngineConfig; hash: string }, null>;
  /** Hub to engine: check the microphone again; answers the new status. */
  'media.check': Msg<null, MediaStatus>;
  /** Hub to engine: one registration attempt with a separate user agent. */
  'engine.testAccount': Msg<{ account: EngineAccount }, AccountTestResult>;

  /**
   * A CRM page's content script asks what it may do there (crm null: the generic call-link
   * script in any frame). Answered from the effective settings; see `PageConfig`.
   */
  'page.config': Msg<{ crm: CrmName | null }, PageConfig>;
  /** Hub pushes every change of a caller card to the views (`changed`: whose result came). */
  'caller.card': Msg<{ card: CallerCard; changed?: CrmName }, null>;
  /** A view asks for a call's card (when it opens, or after a worker restart). */
  'caller.get': Msg<CallRef, CallerCard | null>;
  /** The agent picked one of the matches: the record the call is logged on (C25). */
  'caller.pick': Msg<CallRef & { ref: RecordRef }, null>;
  /** The options page asks whether each CRM can be reached (signed in, permitted). */
  'crm.status': Msg<null, CrmStatus[]>;
  /**
   * Hub to a Zendesk agent tab: send this API request with the page's session and hand the
   * answer back (the adapter runs in the hub; src/protocol/crm-fetch.ts).
   */
  'crm.fetch': Msg<CrmFetchRequest, CrmFetchAnswer>;
  /**
   * Hub to a Salesforce tab: open a record of that org through the app's own link handling
   * (screen-pop: the Service Console opens it as a workspace tab). False: not done here.
   */
  'crm.openRecord': Msg<{ url: string }, boolean>;
}

/** The part of the effective settings a CRM page's content script needs; no secrets. */
export interface PageConfig {
  /** This CRM is enabled: handle its call links and mount the dock. */
  enabled: boolean;
  /** Number detection is on (and the CRM enabled). */
  detectNumbers: boolean;
  /** ISO 3166 alpha-2, for numbers written without a country code. */
  defaultCountry: string;
  /** Filter labels for number detection (syntax in src/numbers/labels.ts). */
  ignoreLabels: string[];
  /** The dock may mount: its page is web-accessible to this site (not on extra hosts). */
  dock: boolean;
}
