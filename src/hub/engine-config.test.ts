import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings.ts';
import { configFrom } from './engine-config.ts';
import { configHash } from './engine-link.ts';

const settings = {
  ...DEFAULT_SETTINGS,
  sipServer: 'wss://pbx.example.test/ws',
  sipUri: 'sip:1001@pbx.example.test',
  password: 'secret',
};

describe('configFrom', () => {
  it('has no account until server and address are set', () => {
    expect(configFrom(DEFAULT_SETTINGS).account).toBeNull();
    expect(configFrom({ ...settings, sipUri: '' }).account).toBeNull();
  });

  it('passes the account with its password, leaving out empty optional fields', () => {
    expect(configFrom(settings).account).toEqual({
      server: 'wss://pbx.example.test/ws',
      sipUri: 'sip:1001@pbx.example.test',
      password: 'secret',
      registerExpires: 600,
      iceServers: [],
    });
  });
});

describe('configHash', () => {
  it('changes with any field, the password included', () => {
    const base = configHash(configFrom(settings));
    expect(configHash(configFrom(settings))).toBe(base);
    expect(configHash(configFrom({ ...settings, password: 'other' }))).not.toBe(base);
    expect(configHash(configFrom({ ...settings, speakerId: 'usb' }))).not.toBe(base);
  });
});
