import { describe, expect, it } from 'vitest';
import { dialTarget } from './dial-target.ts';
import {
  cleanDisplayName,
  identityOf,
  MAX_DISPLAY_NAME,
  remoteNumberOf,
} from './remote-identity.ts';

describe('dialTarget', () => {
  it('dials numbers at the account domain, without visual separators', () => {
    expect(dialTarget('+49 (30) 123-4567', 'pbx.test')).toEqual({
      uri: 'sip:+49301234567@pbx.test',
      remoteNumber: '+49301234567',
    });
    expect(dialTarget('*97#', 'pbx.test').uri).toBe('sip:*97%23@pbx.test');
  });

  it('passes SIP URIs through', () => {
    expect(dialTarget('sip:bob@other.test', 'pbx.test')).toEqual({
      uri: 'sip:bob@other.test',
      remoteNumber: 'bob',
    });
  });

  it.each(['', 'bob', 'javascript:alert(1)', 'sip:bob@', '12a34', '+'.repeat(3), '1'.repeat(40)])(
    'refuses %j',
    (target) => {
      expect(() => dialTarget(target, 'pbx.test')).toThrow(/Not a telephone number/);
    },
  );
});

describe('remote identity', () => {
  it('keeps display names as plain text, without control characters, bounded', () => {
    expect(cleanDisplayName('  Ann\u0000\u202e <b>Lee</b> ')).toBe('Ann <b>Lee</b>');
    expect(cleanDisplayName('')).toBeUndefined();
    const long = cleanDisplayName('é'.repeat(5000)) ?? '';
    expect(Array.from(long)).toHaveLength(MAX_DISPLAY_NAME);
    expect(long.endsWith('…')).toBe(true);
  });

  it('shows numbers without separators and other users as they are', () => {
    expect(remoteNumberOf('%2B49-30-1234567', 'x')).toBe('+49301234567');
    expect(remoteNumberOf('alice', 'x')).toBe('alice');
    expect(remoteNumberOf(undefined, 'pbx.test')).toBe('pbx.test');
  });

  it('builds the identity from a name-addr', () => {
    expect(identityOf({ displayName: 'Ann', uri: { user: '200', host: 'h' } })).toEqual({
      remoteNumber: '200',
      remoteName: 'Ann',
    });
    expect(identityOf({ displayName: '', uri: { user: '200', host: 'h' } })).toEqual({
      remoteNumber: '200',
    });
  });
});
