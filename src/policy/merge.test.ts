import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings.ts';
import { applyUserChange, mergeSettings, sameValue, withSipDomain } from './merge.ts';
import { parsePolicy } from './parse-policy.ts';
import { EMPTY_POLICY } from './policy-types.ts';

const agent = {
  sipServer: 'wss://own.example.com/ws',
  sipUri: 'sip:1001@own.example.com',
  password: 'agent-secret',
  screenPop: 'answer' as const,
};

describe('mergeSettings', () => {
  it('gives defaults plus the agent settings when no policy has arrived', () => {
    expect(mergeSettings({}, EMPTY_POLICY)).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings(agent, EMPTY_POLICY)).toEqual({ ...DEFAULT_SETTINGS, ...agent });
  });

  it('lets locked policy values win over the agent', () => {
    const policy = parsePolicy({ sipServer: 'wss://pbx.example.com/ws', screenPop: 'ring' });
    const merged = mergeSettings(agent, policy);
    expect(merged.sipServer).toBe('wss://pbx.example.com/ws');
    expect(merged.screenPop).toBe('ring');
    expect(merged.password).toBe('agent-secret');
  });

  it('lets the agent override unlocked policy defaults', () => {
    const policy = parsePolicy({
      screenPop: 'ring',
      defaultCountry: 'AT',
      unlockedSettings: ['screenPop', 'defaultCountry'],
    });
    const merged = mergeSettings(agent, policy);
    expect(merged.screenPop).toBe('answer');
    expect(merged.defaultCountry).toBe('AT');
  });

  it('ignores unknown keys in stored agent settings', () => {
    const stored = { ...agent, legacyKey: 'x' } as Partial<typeof DEFAULT_SETTINGS>;
    expect(mergeSettings(stored, EMPTY_POLICY)).not.toHaveProperty('legacyKey');
  });

  it('does not share objects with its inputs', () => {
    const policy = parsePolicy({ iceServers: [{ urls: ['stun:s.example.com'] }] });
    const merged = mergeSettings({}, policy);
    merged.iceServers.push({ urls: ['stun:other.example.com'] });
    merged.crmEnabled.hubspot = false;
    expect(policy.values.iceServers).toHaveLength(1);
    expect(DEFAULT_SETTINGS.crmEnabled.hubspot).toBe(true);
  });
});

describe('the SIP domain from policy', () => {
  const locked = { name: 'pbx.example.com', locked: true };
  const unlocked = { name: 'pbx.example.com', locked: false };

  it.each([
    ['1001', locked, 'sip:1001@pbx.example.com'],
    ['sip:1001@old.example.com', locked, 'sip:1001@pbx.example.com'],
    ['sips:1001', locked, 'sips:1001@pbx.example.com'],
    ['1001@old.example.com', unlocked, 'sip:1001@old.example.com'],
    ['1001', unlocked, 'sip:1001@pbx.example.com'],
    ['', locked, ''],
    ['sip:@x.example.com', locked, ''],
  ])('%s with %j → %s', (address, domain, expected) => {
    expect(withSipDomain(address, domain)).toBe(expected);
  });

  it('completes the extension the agent entered', () => {
    const policy = parsePolicy({ sipServer: 'wss://pbx.example.com/ws', sipDomain: 'sip.test' });
    expect(mergeSettings({ sipUri: '1001' }, policy).sipUri).toBe('sip:1001@sip.test');
    expect(mergeSettings({}, policy).sipUri).toBe('');
  });

  it('leaves a whole SIP address set by policy alone', () => {
    const policy = parsePolicy({ sipUri: 'sip:9@sip.test', sipDomain: 'sip.test' });
    expect(mergeSettings({ sipUri: '1001' }, policy).sipUri).toBe('sip:9@sip.test');
  });
});

describe('applyUserChange', () => {
  const policy = parsePolicy({
    sipServer: 'wss://pbx.example.com/ws',
    iceServers: [{ urls: ['stun:s.example.com'] }],
    screenPop: 'ring',
    unlockedSettings: ['screenPop'],
  });

  it('refuses a locked key and keeps the agent stored value', () => {
    const result = applyUserChange(agent, { sipServer: 'wss://evil.example.com/ws' }, policy);
    expect(result.refused).toEqual([{ key: 'sipServer', reason: 'locked' }]);
    expect(result.accepted).toEqual([]);
    expect(result.user.sipServer).toBe('wss://own.example.com/ws');
  });

  it('accepts free and unlocked keys', () => {
    const result = applyUserChange(agent, { screenPop: 'never', password: 'new' }, policy);
    expect(result.accepted).toEqual(['screenPop', 'password']);
    expect(result.refused).toEqual([]);
    expect(result.user).toMatchObject({ screenPop: 'never', password: 'new' });
    expect(agent.password).toBe('agent-secret');
  });

  it('quietly drops a locked key that only repeats the policy value', () => {
    const form = {
      sipServer: 'wss://pbx.example.com/ws',
      iceServers: [{ urls: ['stun:s.example.com'] }],
      displayName: 'Ada',
    };
    const result = applyUserChange({}, form, policy);
    expect(result.refused).toEqual([]);
    expect(result.accepted).toEqual(['displayName']);
    expect(result.user).toEqual({ displayName: 'Ada' });
  });

  it('refuses keys that are not settings', () => {
    const result = applyUserChange({}, { isAdmin: true, __proto__x: 1 }, EMPTY_POLICY);
    expect(result.refused.map((r) => r.reason)).toEqual(['unknownKey', 'unknownKey']);
    expect(result.user).toEqual({});
  });
});

describe('sameValue', () => {
  it('compares structure, not identity or key order', () => {
    expect(sameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});
