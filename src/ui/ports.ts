/**
 * What the views need from outside, as small interfaces. src/ui/bridge.ts implements them with
 * the protocol's messages (src/protocol/runtime.ts); component tests pass plain objects.
 */
import type { CallerCard, CrmStatus } from '../protocol/caller-card.ts';
import type { CallCommandName, Request } from '../protocol/channel.ts';
import type { AccountTestResult, SettingsPatch, SettingsView } from '../protocol/messages.ts';
import type { PhoneSnapshot, RecordRef } from '../protocol/phone-state.ts';

export interface PhoneHub {
  snapshot: () => Promise<PhoneSnapshot>;
  /** Calls `listener` on every `phone.changed` push; returns the unsubscribe function. */
  subscribe(listener: (snapshot: PhoneSnapshot) => void): () => void;
  missedCalls: () => Promise<number>;
  /** The user has seen the missed calls: the hub's count and the badge go back to zero. */
  clearMissed: () => Promise<void>;
  dial: (target: string) => Promise<void>;
  command: <K extends CallCommandName>(name: K, payload: Request<K>) => Promise<void>;
  openOptions: () => void;
  openOnboarding: () => void;
}

export interface SettingsHub {
  load: () => Promise<SettingsView>;
  save: (patch: SettingsPatch) => Promise<SettingsView>;
  test: (patch: SettingsPatch) => Promise<AccountTestResult>;
  /** Whether each CRM can be reached now (signed in, permitted). */
  crmStatus?: () => Promise<CrmStatus[]>;
  /** Calls `listener` when the admin policy changes; returns the unsubscribe. */
  onPolicyChanged?: (listener: () => void) => () => void;
  hostAccess?: HostAccess;
}

/** Chrome's access to the extra hosts (src/crm/host-access.ts). */
export interface HostAccess {
  /** The hosts among these that the extension cannot reach yet. */
  missing: (hosts: string[]) => Promise<string[]>;
  /** Chrome's prompt, from the agent's click; true when granted. */
  request: (hosts: string[]) => Promise<boolean>;
}

export interface DeviceInfo {
  deviceId: string;
  kind: 'audioinput' | 'audiooutput';
  /** Empty until the extension's origin holds the microphone grant. */
  label: string;
}

export type MicrophoneResult = 'granted' | 'denied' | 'missing' | 'unavailable';

export interface MicrophoneAccess {
  /** The stored permission, without prompting. */
  state: () => Promise<'granted' | 'denied' | 'prompt'>;
  /** Prompts (this page is visible, unlike the offscreen document) and releases the device. */
  request: () => Promise<MicrophoneResult>;
  /** Tells the hub, so the engine can retry media at once. */
  reportGranted: () => Promise<void>;
  /** Opens Chrome's microphone settings for this extension's origin. */
  openSiteSettings: () => void;
}

export interface DockStore {
  loadCollapsed: () => Promise<boolean>;
  saveCollapsed: (collapsed: boolean) => Promise<void>;
  /** Tells the content script hosting the iframe to resize it. */
  reportLayout: (collapsed: boolean) => void;
  /** The id of the browser tab this dock is in. */
  tabId: () => Promise<number | undefined>;
  /** Calls `listener` each time the tab is shown again; returns the unsubscribe function. */
  onShown: (listener: () => void) => () => void;
}

/** The hub's caller cards (src/hub/caller-lookup.ts): per call, what each CRM knows. */
export interface CallerHub {
  card: (callId: string) => Promise<CallerCard | null>;
  /** Calls `listener` on every `caller.card` push; returns the unsubscribe function. */
  subscribe(listener: (card: CallerCard) => void): () => void;
  /** The agent's pick: the record the call is logged on. */
  pick: (callId: string, ref: RecordRef) => Promise<void>;
}
