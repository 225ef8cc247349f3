import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../policy/parse-policy.ts';
import { EMPTY_POLICY } from '../policy/policy-types.ts';
import { checkUserChange, computeEffective } from './effective.ts';
import { DEFAULT_SETTINGS } from './settings.ts';

// Outside an extension the catalogue answers with the message key (src/core/i18n.ts).

describe('computeEffective', () => {
  it('starts from defaults and the agent settings before any policy arrives', () => {
    expect(computeEffective({}, { sipUri: 'sip:1001@sip.test' })).toEqual({
      settings: { ...DEFAULT_SETTINGS, sipUri: 'sip:1001@sip.test' },
      locked: [],
      ignored: [],
    });
  });

  it('reports ignored values with the catalogue message for the reason', () => {
    const raw = { sipServer: 'ws://pbx.example.com', screenPop: 'always', detectNumbers: false };
    const effective = computeEffective(raw, {});
    expect(effective.ignored).toEqual([
      { key: 'sipServer', reason: 'fieldErrInsecureUrl', value: 'ws://pbx.example.com' },
      { key: 'screenPop', reason: 'policyReasonNotAllowed', value: 'always' },
    ]);
    expect(effective.locked).toEqual(['detectNumbers']);
    expect(effective.settings.sipServer).toBe('');
  });

  it('ignores an empty policy password instead of locking a field the agent cannot fill', () => {
    const effective = computeEffective({ password: '' }, { password: 'mine' });
    expect(effective.ignored).toEqual([{ key: 'password', reason: 'fieldErrRequired' }]);
    expect(effective.locked).toEqual([]);
    expect(effective.settings.password).toBe('mine');
  });

  it('passes the SIP domain on so the options page can show it fixed', () => {
    const effective = computeEffective({ sipDomain: 'sip.test' }, { sipUri: '1001' });
    expect(effective.sipDomain).toEqual({ name: 'sip.test', locked: true });
    expect(effective.settings.sipUri).toBe('sip:1001@sip.test');
  });
});

describe('checkUserChange', () => {
  const policy = parsePolicy({ sipServer: 'wss://pbx.example.com/ws', sipDomain: 'sip.test' });

  it('refuses a changed locked key by name, and the whole change with it', () => {
    const result = checkUserChange(
      { sipServer: 'wss://own.example.com/ws', displayName: 'A' },
      policy,
    );
    expect(result.errors).toEqual([{ field: 'sipServer', message: 'policyRefusedLocked' }]);
  });

  it('drops a locked key that repeats the policy and completes the extension', () => {
    const result = checkUserChange(
      { sipServer: 'wss://pbx.example.com/ws', sipUri: '1001', password: 'pw' },
      policy,
    );
    expect(result).toEqual({
      patch: { sipUri: 'sip:1001@sip.test', password: 'pw' },
      errors: [],
    });
  });

  it('still applies the settings checks to free keys', () => {
    const result = checkUserChange({ defaultCountry: 'Germany', isAdmin: true }, EMPTY_POLICY);
    expect(result.errors.map((e) => e.field)).toEqual(['isAdmin', 'defaultCountry']);
    expect(result.patch).toEqual({});
  });
});
