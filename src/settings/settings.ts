/**
 * The user-facing settings and their defaults. User values live in `storage.local`; admin
 * policy in `storage.managed` overrides them key by key (src/policy). The SIP password is
 * part of the account but never leaves extension storage: it is not sent to content scripts
 * or pages, and views only learn whether one is set.
 */
import { DEFAULT_IGNORE_LABELS } from '../numbers/labels.ts';
import type { CrmName } from '../protocol/phone-state.ts';

export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export type DialFormat = 'national' | 'international';
export type ScreenPop = 'never' | 'ring' | 'answer';

export interface Settings {
  /** SIP over WebSocket server, `wss://` (or `ws://` for a local test server). */
  sipServer: string;
  /** Address of record, `sip:user@domain`. */
  sipUri: string;
  /** Digest user name when it differs from the SIP URI's user part. */
  authorizationUser: string;
  password: string;
  displayName: string;
  iceServers: IceServer[];
  /** Seconds asked for in REGISTER's Expires. */
  registerExpires: number;

  microphoneId: string;
  speakerId: string;
  ringerId: string;

  /** ISO 3166 alpha-2 country for numbers written without a country code. */
  defaultCountry: string;
  /** Digits the PBX needs to reach an outside line, e.g. `0`. */
  outsideLinePrefix: string;
  /** How the PBX wants numbers in the default country: `0301234567` or `+49301234567`. */
  dialFormat: DialFormat;
  /** How the PBX wants the international prefix: `+` (E.164) or digits such as `00`. */
  internationalPrefix: string;
  detectNumbers: boolean;
  /** Words before a digit run that say it is no phone number (src/numbers/labels.ts). */
  numberIgnoreLabels: string[];

  crmEnabled: Record<CrmName, boolean>;
  /**
   * More hosts per CRM (a custom domain, an access proxy): that CRM for lookups and
   * screen-pop, and click-to-call once Chrome gives access (src/hub/extra-hosts.ts).
   */
  extraHosts: Record<CrmName, string[]>;
  /**
   * The organisation's own hosts per CRM (`acme.lightning.force.com`, `acme.zendesk.com`).
   * When set, only these and the extra hosts count as that CRM (src/crm/hosts.ts).
   */
  orgHosts: Record<CrmName, string[]>;
  hubspotToken: string;
  screenPop: ScreenPop;
  /**
   * The agent's own numbers (E.164): outbound caller ID, queue DIDs. Never looked up or
   * matched as the other party of a call (field-failures C25).
   */
  ownNumbers: string[];

  /** A second incoming call rings as call waiting; off: it is refused busy. */
  callWaiting: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  sipServer: '',
  sipUri: '',
  authorizationUser: '',
  password: '',
  displayName: '',
  iceServers: [],
  registerExpires: 600,
  microphoneId: '',
  speakerId: '',
  ringerId: '',
  defaultCountry: 'DE',
  outsideLinePrefix: '',
  dialFormat: 'international',
  internationalPrefix: '+',
  detectNumbers: true,
  numberIgnoreLabels: [...DEFAULT_IGNORE_LABELS],
  crmEnabled: { salesforce: true, hubspot: true, zendesk: true },
  extraHosts: { salesforce: [], hubspot: [], zendesk: [] },
  orgHosts: { salesforce: [], hubspot: [], zendesk: [] },
  hubspotToken: '',
  screenPop: 'never',
  ownNumbers: [],
  callWaiting: true,
};

export type SettingKey = keyof Settings;
