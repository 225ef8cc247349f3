/**
 * What parsing an admin policy yields. Chrome already drops values whose JSON type does not
 * match public/managed-schema.json (and, inside a key, the whole key); everything else, the
 * meaning of a value, is checked here and reported per key instead of failing as a whole.
 */
import {
  FIELD_CODES,
  fieldMessageName,
  isFieldCode,
  type FieldCode,
} from '../settings/checks/problem.ts';
import type { SettingKey, Settings } from '../settings/settings.ts';

/** Reasons only a policy can have; the rest are the shared field codes. */
export const POLICY_ONLY_REASONS = ['unknownKey', 'wrongType', 'notAllowed', 'conflict'] as const;

/** Why a policy value was not applied. Each has a message in _locales (`reasonMessageName`). */
export type PolicyReason = FieldCode | (typeof POLICY_ONLY_REASONS)[number];

export const POLICY_REASONS: readonly PolicyReason[] = [...POLICY_ONLY_REASONS, ...FIELD_CODES];

/** `conflict` → `policyReasonConflict`; a field code → its `fieldErr…` message. */
export const reasonMessageName = (reason: PolicyReason): string =>
  isFieldCode(reason)
    ? fieldMessageName(reason)
    : `policyReason${reason.charAt(0).toUpperCase()}${reason.slice(1)}`;

export interface PolicyIssue {
  /** Policy key, with a path for one entry of a list: `iceServers[1]`, `extraHosts.zendesk[0]`. */
  key: string;
  reason: PolicyReason;
  /** What the reason's message fills in, e.g. the longest length allowed. */
  params?: string[];
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
