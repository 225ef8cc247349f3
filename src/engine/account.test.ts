import { describe, expect, it } from 'vitest';
import {
  accountDomain,
  quotedDisplayName,
  validateAccount,
  type AccountSettings,
} from './account.ts';

const good: AccountSettings = {
  server: 'wss://pbx.example.test/ws',
  sipUri: 'sip:agent@example.test',
  password: 'secret',
};

function fieldsOf(input: Partial<AccountSettings>) {
  const result = validateAccount(input);
  return result.ok ? [] : result.errors.map((e) => e.field);
}

describe('validateAccount', () => {
  it('accepts a complete account and returns it trimmed', () => {
    const result = validateAccount({
      ...good,
      server: ' wss://pbx.example.test/ws ',
      displayName: 'Agent 7',
    });
    expect(result).toEqual({ ok: true, account: { ...good, displayName: 'Agent 7' } });
  });

  it('accepts ws:// for a local server, ports, and IPv6 hosts', () => {
    expect(fieldsOf({ ...good, server: 'ws://127.0.0.1:8080' })).toEqual([]);
    expect(fieldsOf({ ...good, sipUri: 'sip:+4930123@[2001:db8::1]:5060' })).toEqual([]);
  });

  it.each([
    ['server', { server: 'https://pbx.example.test' }, 'invalidUrl'],
    ['server', { server: 'not a url' }, 'invalidUrl'],
    ['server', { server: '' }, 'required'],
    ['server', { server: 'ws://pbx.example.test/ws' }, 'insecureUrl'],
    ['sipUri', { sipUri: 'agent@example.test' }, 'invalidSipUri'],
    ['sipUri', { sipUri: 'sip:example.test' }, 'invalidSipUri'],
    ['sipUri', { sipUri: 'sip:a b@example.test' }, 'invalidChars'],
    ['password', { password: '' }, 'required'],
    ['password', { password: 'a\nb' }, 'invalidChars'],
    ['displayName', { displayName: 'Eve\u0000' }, 'invalidChars'],
    ['displayName', { displayName: 'x'.repeat(101) }, 'tooLong'],
    ['authorizationUser', { authorizationUser: 'a b' }, 'invalidChars'],
    ['registerExpires', { registerExpires: 2 }, 'outOfRange'],
    ['registerExpires', { registerExpires: 60.5 }, 'outOfRange'],
    ['iceServers', { iceServers: [{ urls: 'http://stun.example.test' }] }, 'invalidIceUrl'],
    ['iceServers', { iceServers: [{ urls: 'turn:turn.example.test' }] }, 'turnNeedsCredentials'],
    ['iceServers', { iceServers: [{ urls: [] }] }, 'invalidIceUrl'],
  ] as [keyof AccountSettings, Partial<AccountSettings>, string][])(
    'refuses a bad %s with a code naming the problem',
    (field, change, code) => {
      const result = validateAccount({ ...good, ...change });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ field, code });
    },
  );

  it('takes quotes in the display name and escapes them for From', () => {
    const result = validateAccount({ ...good, displayName: 'Hotline "Süd" \\ 2' });
    expect(result.ok).toBe(true);
    expect(quotedDisplayName('Hotline "Süd" \\ 2')).toBe('Hotline \\"Süd\\" \\\\ 2');
  });

  it('says which range the expiry must lie in', () => {
    const result = validateAccount({ ...good, registerExpires: 2 });
    expect(result.ok ? [] : result.errors).toEqual([
      { field: 'registerExpires', code: 'outOfRange', params: ['5', '86400'] },
    ]);
  });

  it('reports every field at fault at once', () => {
    expect(fieldsOf({})).toEqual(['server', 'sipUri', 'password']);
  });

  it('accepts STUN and TURN servers with credentials', () => {
    const iceServers = [
      { urls: 'stun:stun.example.test:3478' },
      { urls: ['turns:turn.example.test:443?transport=tcp'], username: 'u', credential: 'c' },
    ];
    expect(fieldsOf({ ...good, iceServers })).toEqual([]);
  });
});

describe('accountDomain', () => {
  it('is the host of the SIP URI', () => {
    expect(accountDomain(good)).toBe('example.test');
    expect(accountDomain({ ...good, sipUri: 'sips:7@pbx.example.test:5061' })).toBe(
      'pbx.example.test',
    );
  });
});
