/**
 * Every message that crosses a context boundary, by name. Requests that come from a web page
 * (content scripts) are untrusted: the hub validates them before acting.
 */
import type { CallSnapshot, CrmName, PhoneSnapshot, RecordRef } from './phone-state.ts';

interface Msg<Req, Res> {
  request: Req;
  response: Res;
}

export interface Messages {
  /** Views and content scripts ask the hub for the current state. */
  'phone.snapshot': Msg<null, PhoneSnapshot>;
  /** Dial a raw number or SIP URI; the hub normalises it and applies dial rules. */
  'phone.dial': Msg<{ target: string; record?: RecordRef }, { callId: string }>;
  'call.answer': Msg<{ callId: string }, null>;
  'call.decline': Msg<{ callId: string }, null>;
  'call.hangup': Msg<{ callId: string }, null>;
  'call.mute': Msg<{ callId: string; muted: boolean }, null>;
  'call.hold': Msg<{ callId: string; held: boolean }, null>;
  'call.dtmf': Msg<{ callId: string; tones: string }, null>;
  'call.transfer': Msg<{ callId: string; target: string }, null>;
  /** The engine pushes every state change to the hub and the views. */
  'phone.changed': Msg<{ snapshot: PhoneSnapshot; changed?: CallSnapshot }, null>;
  /**
   * A CRM page's content script asks what it may do there (crm null: the generic call-link
   * script in any frame). Answered from the effective settings; see `PageConfig`.
   */
  'page.config': Msg<{ crm: CrmName | null }, PageConfig>;
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
}
