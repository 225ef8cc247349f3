import { describe, expect, it } from 'vitest';
import { revertChanges } from '../policy/managed-source.ts';
import { computeEffective } from './effective.ts';
import { DEFAULT_SETTINGS } from './settings.ts';

const english: Record<string, string> = { policyReasonInsecureUrl: 'Unencrypted ws:// …' };
const translate = (name: string) => english[name] ?? '';

describe('computeEffective', () => {
  it('starts from defaults and the agent settings before any policy arrives', () => {
    const effective = computeEffective({}, { sipUri: 'sip:1001@sip.test' }, translate);
    expect(effective).toEqual({
      settings: { ...DEFAULT_SETTINGS, sipUri: 'sip:1001@sip.test' },
      locked: [],
      ignored: [],
    });
  });

  it('reports ignored values in the browser language, falling back to the reason code', () => {
    const raw = { sipServer: 'ws://pbx.example.com', screenPop: 'always', detectNumbers: false };
    const effective = computeEffective(raw, {}, translate);
    expect(effective.ignored).toEqual([
      { key: 'sipServer', reason: 'Unencrypted ws:// …', value: 'ws://pbx.example.com' },
      { key: 'screenPop', reason: 'notAllowed', value: 'always' },
    ]);
    expect(effective.locked).toEqual(['detectNumbers']);
    expect(effective.settings.sipServer).toBe('');
  });

  it('passes the SIP domain on so the options page can show it fixed', () => {
    const effective = computeEffective({ sipDomain: 'sip.test' }, { sipUri: '1001' }, translate);
    expect(effective.sipDomain).toEqual({ name: 'sip.test', locked: true });
    expect(effective.settings.sipUri).toBe('sip:1001@sip.test');
  });
});

describe('revertChanges', () => {
  it('rebuilds the policy as it was before a storage change', () => {
    const now = { sipServer: 'wss://new.example.com', screenPop: 'ring' };
    const changes = {
      sipServer: { oldValue: 'wss://old.example.com', newValue: 'wss://new.example.com' },
      screenPop: { newValue: 'ring' },
      callWaiting: { oldValue: false },
    };
    expect(revertChanges(now, changes)).toEqual({
      sipServer: 'wss://old.example.com',
      callWaiting: false,
    });
    expect(now.sipServer).toBe('wss://new.example.com');
  });
});
