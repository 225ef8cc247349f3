import { describe, expect, it } from 'vitest';
import { accountDomain, validateAccount, type AccountSettings } from './account.ts';

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
    ['server', { server: 'https://pbx.example.test' }, /ws:\/\/ or wss:\/\//],
    ['server', { server: 'not a url' }, /ws:\/\/ or wss:\/\//],
    ['server', { server: '' }, /required/],
    ['sipUri', { sipUri: 'agent@example.test' }, /sip:user@domain/],
    ['sipUri', { sipUri: 'sip:example.test' }, /sip:user@domain/],
    ['sipUri', { sipUri: 'sip:a b@example.test' }, /sip:user@domain/],
    ['password', { password: '' }, /required/],
    ['password', { password: 'a\nb' }, /not allowed/],
    ['displayName', { displayName: 'Eve "admin"' }, /not allowed/],
    ['displayName', { displayName: 'x'.repeat(101) }, /longer than 100/],
    ['authorizationUser', { authorizationUser: 'a b' }, /not allowed/],
    ['registerExpires', { registerExpires: 2 }, /between 5 and 86400/],
    ['registerExpires', { registerExpires: 60.5 }, /whole number/],
    ['iceServers', { iceServers: [{ urls: 'http://stun.example.test' }] }, /stun: or turn:/],
    [
      'iceServers',
      { iceServers: [{ urls: 'turn:turn.example.test' }] },
      /username and a credential/,
    ],
    ['iceServers', { iceServers: [{ urls: [] }] }, /needs urls/],
  ] as [keyof AccountSettings, Partial<AccountSettings>, RegExp][])(
    'refuses a bad %s with a message naming it',
    (field, change, message) => {
      const result = validateAccount({ ...good, ...change });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]?.field).toBe(field);
      expect(result.errors[0]?.message).toMatch(message);
    },
  );

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
