/**
 * What parsing an admin policy yields. Chrome already drops values whose JSON type does not
 * match public/managed-schema.json (and, inside a key, the whole key); everything else, the
 * meaning of a value, is checked here and reported per key instead of failing as a whole.
 */
import type { SettingKey, Settings } from '../settings/settings.ts';

/** Why a policy value was not applied. Each has a message in _locales (`messageName`). */
export const POLICY_REASONS = [
  'unknownKey',
  'wrongType',
  'empty',
  'tooLong',
  'invalidUrl',
  'insecureUrl',
  'invalidSipUri',
  'invalidHost',
  'hostOnly',
  'badWildcard',
  'unknownCountry',
  'notDigits',
  'notAllowed',
  'outOfRange',
  'invalidIceUrl',
  'turnNeedsCredentials',
  'conflict',
  'notIntlPrefix',
  'invalidLabel',
] as const;

export type PolicyReason = (typeof POLICY_REASONS)[number];

/** `insecureUrl` → `policyReasonInsecureUrl`, the key in public/_locales. */
export const reasonMessageName = (reason: PolicyReason): string =>
  `policyReason${reason.charAt(0).toUpperCase()}${reason.slice(1)}`;

export interface PolicyIssue {
  /** Policy key, with a path for one entry of a list: `iceServers[1]`, `extraHosts.zendesk[0]`. */
  key: string;
  reason: PolicyReason;
  /** The offending value, shortened; never given for secrets. Untrusted: render as text. */
  value?: string;
}

export interface SipDomainPolicy {
  name: string;
  /** Locked: every SIP address gets this domain. Unlocked: only addresses without one. */
  locked: boolean;
}

export interface Policy {
  /** Every value the policy sets, valid ones only. */
  values: Partial<Settings>;
  /** Keys of `values` agents cannot change; the others are defaults (`unlockedSettings`). */
  locked: SettingKey[];
  /** Admin sets the domain, the agent enters only the user part of the SIP address. */
  sipDomain?: SipDomainPolicy;
  ignored: PolicyIssue[];
}

export const EMPTY_POLICY: Policy = { values: {}, locked: [], ignored: [] };
