/**
 * Effective settings: the agent's own settings under admin policy, and a change from a view
 * checked against both the policy's locks and the settings' formats. Pure apart from the
 * message catalogue; the settings store (store.ts) reads storage and calls these.
 */
import { t } from '../core/i18n.ts';
import type { FieldError } from '../protocol/messages.ts';
import type { RawPolicy } from '../policy/managed-source.ts';
import { applyUserChange, mergeSettings, withSipDomain } from '../policy/merge.ts';
import { parsePolicy } from '../policy/parse-policy.ts';
import { reasonMessageName, type Policy, type SipDomainPolicy } from '../policy/policy-types.ts';
import type { SettingKey, Settings } from './settings.ts';
import { checkSettingsChanges, type CheckedChanges } from './validate.ts';

/** A policy value that was not applied; `reason` is in the browser's language. */
export interface IgnoredPolicy {
  key: string;
  reason: string;
  /** The offending value (never a secret). Untrusted: render as text. */
  value?: string;
}

export interface EffectiveSettings {
  settings: Settings;
  /** Keys the administrator set and agents cannot change. */
  locked: SettingKey[];
  ignored: IgnoredPolicy[];
  /** Set when policy fixes the SIP domain: the agent enters only the user part. */
  sipDomain?: SipDomainPolicy;
}

export function computeEffective(raw: RawPolicy, user: Partial<Settings>): EffectiveSettings {
  const policy = parsePolicy(raw);
  const ignored = policy.ignored.map(({ key, reason, params, value }) => {
    const text = t(reasonMessageName(reason), params);
    return value === undefined ? { key, reason: text } : { key, reason: text, value };
  });
  const settings = mergeSettings(user, policy);
  const result = { settings, locked: [...policy.locked], ignored };
  return policy.sipDomain ? { ...result, sipDomain: policy.sipDomain } : result;
}

/**
 * A change from the options page under policy: an extension typed alone (`1001`) becomes a
 * SIP address in the policy's domain; a locked key is refused unless it repeats the policy's
 * value; the rest must pass the settings' own checks.
 */
export function checkUserChange(
  changes: Readonly<Record<string, unknown>>,
  policy: Policy,
): CheckedChanges {
  const completed = { ...changes };
  if (policy.sipDomain && typeof completed.sipUri === 'string') {
    completed.sipUri = withSipDomain(completed.sipUri, policy.sipDomain);
  }

  const { accepted, refused } = applyUserChange({}, completed, policy);
  const allowed = Object.fromEntries(accepted.map((key) => [key, completed[key]]));
  const checked = checkSettingsChanges(allowed);
  const refusals: FieldError[] = refused.map(({ key, reason }) => ({
    field: key,
    message: t(reason === 'locked' ? 'policyRefusedLocked' : 'settingsUnknownKey'),
  }));
  return { patch: checked.patch, errors: [...refusals, ...checked.errors] };
}
