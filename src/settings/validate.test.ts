import { describe, expect, it } from 'vitest';
import { checkSettingsChanges, checkStoredSettings } from './validate.ts';

describe('checkSettingsChanges', () => {
  it('keeps valid values', () => {
    const changes = {
      sipServer: 'wss://pbx.example.test:8089/ws',
      sipUri: 'sip:1001@pbx.example.test',
      password: 'x',
      registerExpires: 300,
      iceServers: [
        { urls: ['stun:stun.example.test'] },
        { urls: 'turn:t.example.test', username: 'u', credential: 'c' },
      ],
      extraHosts: { salesforce: ['acme.my.salesforce.com'], hubspot: [], zendesk: [] },
    };
    // Stored as the checks normalise them: ICE urls as a list.
    const iceServers = [
      { urls: ['stun:stun.example.test'] },
      { urls: ['turn:t.example.test'], username: 'u', credential: 'c' },
    ];
    expect(checkSettingsChanges(changes)).toEqual({
      patch: { ...changes, iceServers },
      errors: [],
    });
  });

  it('stores a lower-case country code as dialling reads it', () => {
    expect(checkSettingsChanges({ defaultCountry: 'at' }).patch).toEqual({ defaultCountry: 'AT' });
  });

  it('allows clearing the account fields', () => {
    expect(checkSettingsChanges({ sipServer: '', sipUri: '' }).errors).toEqual([]);
  });

  it('names each bad field and keeps only the good ones', () => {
    const { patch, errors } = checkSettingsChanges({
      sipServer: 'https://pbx.example.test',
      sipUri: 'alice@pbx',
      registerExpires: 5,
      displayName: 'Alice',
      detectNumbers: 'yes',
      iceServers: [{ urls: 'http://stun' }],
      crmEnabled: { salesforce: true },
      isAdmin: true,
    });
    expect(errors.map((e) => e.field)).toEqual([
      'sipServer',
      'sipUri',
      'registerExpires',
      'detectNumbers',
      'iceServers',
      'crmEnabled',
      'isAdmin',
    ]);
    expect(patch).toEqual({ displayName: 'Alice' });
  });

  it('gives each error a message', () => {
    const { errors } = checkSettingsChanges({ sipServer: 'ftp://x', screenPop: 'always' });
    expect(errors).toEqual([
      { field: 'sipServer', message: 'fieldErrInvalidUrl', code: 'invalidUrl' },
      { field: 'screenPop', message: 'settingsInvalidValue' },
    ]);
  });
});

describe('own numbers', () => {
  it('keeps a number written several ways once', () => {
    const ownNumbers = ['+49 30 9876543', '0049 30 9876543', '+49 (0)30 9876543'];
    expect(checkSettingsChanges({ ownNumbers }).patch).toEqual({ ownNumbers: ['+49309876543'] });
  });
});

describe('extra hosts', () => {
  it.each([
    ['crm.example.com', 'hostTwice', ['crm.example.com']],
    ['*.example.com', 'hostOverlap', ['crm.example.com', '*.example.com']],
  ])('refuses Zendesk’s crm.example.com after Salesforce’s %s (%s)', (first, code, params) => {
    const extraHosts = { salesforce: [first], hubspot: [], zendesk: ['crm.example.com'] };
    const { patch, errors } = checkSettingsChanges({ extraHosts });
    expect(patch).toEqual({});
    expect(errors).toMatchObject([{ field: 'extraHosts', code, params }]);
  });
});

describe('checkStoredSettings', () => {
  it('leaves out filter labels stored under the older syntax, keeping the rest of the list', () => {
    const stored = {
      numberIgnoreLabels: ['invoice*', 'kd2 nr', 're*ch', 'kundennr.'],
      callWaiting: false,
    };
    expect(checkStoredSettings(stored)).toEqual({
      patch: { numberIgnoreLabels: ['invoice*', 'kundennr.'], callWaiting: false },
      errors: [],
    });
  });

  it('falls back to the built-in labels when none of the stored ones is left, not to none', () => {
    expect(checkStoredSettings({ numberIgnoreLabels: ['kd2', 're *'] }).patch).toEqual({});
    expect(checkStoredSettings({ numberIgnoreLabels: [] }).patch).toEqual({
      numberIgnoreLabels: [],
    });
  });

  it('leaves out an extra host repeated under a later CRM, keeping the rest', () => {
    const extraHosts = {
      salesforce: ['crm.example.com'],
      hubspot: [],
      zendesk: ['crm.example.com', 'help.example.com'],
    };
    expect(checkStoredSettings({ extraHosts }).patch).toEqual({
      extraHosts: { salesforce: ['crm.example.com'], hubspot: [], zendesk: ['help.example.com'] },
    });
  });

  it('leaves out a stored extra host sharing hosts with another CRM’s, keeping the rest', () => {
    const extraHosts = {
      salesforce: ['*.example.com'],
      hubspot: ['acme.zendesk.com', 'app.example.net'],
      zendesk: ['crm.example.com', 'help.example.org'],
    };
    expect(checkStoredSettings({ extraHosts }).patch).toEqual({
      extraHosts: {
        salesforce: ['*.example.com'],
        hubspot: ['app.example.net'],
        zendesk: ['help.example.org'],
      },
    });
  });

  it('checks everything else as a change', () => {
    expect(checkStoredSettings({ screenPop: 'sometimes' }).patch).toEqual({});
  });
});
