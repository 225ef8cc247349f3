import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY_KEYS, parsePolicy } from './parse-policy.ts';
import { EMPTY_POLICY } from './policy-types.ts';

const schemaUrl = new URL('../../public/managed-schema.json', import.meta.url);

describe('the managed schema', () => {
  const schema = JSON.parse(fs.readFileSync(schemaUrl, 'utf8')) as {
    type: string;
    properties: Record<string, { title?: string; description?: string; type?: string }>;
  };

  it('declares exactly the keys the parser understands', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
  });

  it('gives every key a type, a title and a description for the admin console', () => {
    expect(schema.type).toBe('object');
    for (const [key, entry] of Object.entries(schema.properties)) {
      expect({ key, ok: Boolean(entry.type && entry.title && entry.description) }).toEqual({
        key,
        ok: true,
      });
    }
  });
});

it('keeps the valid own numbers and reports a national one (C25)', () => {
  const policy = parsePolicy({ ownNumbers: ['+49 30 9876543', '030 9876543'] });
  expect(policy.values).toEqual({ ownNumbers: ['+49309876543'] });
  expect(policy.ignored).toEqual([
    {
      key: 'ownNumbers[1]',
      reason: 'invalidNumber',
      params: ['030 9876543'],
      value: '030 9876543',
    },
  ]);
});

describe('parsePolicy: one key at a time', () => {
  it.each([
    ['sipServer', 'wss://pbx.example.com/ws', { sipServer: 'wss://pbx.example.com/ws' }],
    ['sipUri', 'sip:1001@PBX.example.com', { sipUri: 'sip:1001@pbx.example.com' }],
    ['authorizationUser', 'auth1001', { authorizationUser: 'auth1001' }],
    ['password', ' secret with spaces ', { password: ' secret with spaces ' }],
    ['displayName', 'Hotline Süd', { displayName: 'Hotline Süd' }],
    ['registerExpires', 300, { registerExpires: 300 }],
    ['defaultCountry', 'at', { defaultCountry: 'AT' }],
    ['outsideLinePrefix', '0', { outsideLinePrefix: '0' }],
    ['dialFormat', 'national', { dialFormat: 'national' }],
    ['internationalPrefix', '00', { internationalPrefix: '00' }],
    ['internationalPrefix', '+', { internationalPrefix: '+' }],
    [
      'numberIgnoreLabels',
      ['Rechnung*', 'Kunden-Nr', 'PO'],
      { numberIgnoreLabels: ['rechnung*', 'kunden-nr', 'po'] },
    ],
    ['numberIgnoreLabels', [], { numberIgnoreLabels: [] }],
    ['detectNumbers', false, { detectNumbers: false }],
    ['hubspotToken', 'pat-eu1-0000', { hubspotToken: 'pat-eu1-0000' }],
    ['screenPop', 'answer', { screenPop: 'answer' }],
    ['callWaiting', false, { callWaiting: false }],
    ['iceServers', [], { iceServers: [] }],
    [
      'ownNumbers',
      ['+49 30 9876543', '+493055500000'],
      { ownNumbers: ['+49309876543', '+493055500000'] },
    ],
    [
      'enabledCrms',
      ['zendesk'],
      { crmEnabled: { salesforce: false, hubspot: false, zendesk: true } },
    ],
    [
      'extraHosts',
      { salesforce: ['crm.example.com'] },
      { extraHosts: { salesforce: ['crm.example.com'], hubspot: [], zendesk: [] } },
    ],
    [
      'orgHosts',
      { zendesk: ['acme.zendesk.com'] },
      { orgHosts: { salesforce: [], hubspot: [], zendesk: ['acme.zendesk.com'] } },
    ],
  ])('%s: valid value applies and locks', (key, raw, values) => {
    const policy = parsePolicy({ [key]: raw });
    expect(policy.values).toEqual(values);
    expect(policy.locked).toEqual(Object.keys(values));
    expect(policy.ignored).toEqual([]);
  });

  it.each([
    ['sipServer', 'ws://pbx.example.com/ws', 'insecureUrl'],
    ['sipServer', 42, 'wrongType'],
    ['sipUri', '1001', 'invalidSipUri'],
    ['authorizationUser', 'two words', 'invalidChars'],
    ['displayName', 'x'.repeat(101), 'tooLong'],
    ['registerExpires', 10, 'outOfRange'],
    ['registerExpires', '300', 'wrongType'],
    ['defaultCountry', 'XX', 'unknownCountry'],
    ['outsideLinePrefix', '0,', 'invalidPrefix'],
    ['outsideLinePrefix', '12345', 'invalidPrefix'],
    ['password', '', 'required'],
    ['displayName', 'Line\u0007', 'invalidChars'],
    ['sipServer', 'wss://pbx.example.com:99999/ws', 'invalidPort'],
    ['dialFormat', 'e164', 'notAllowed'],
    ['internationalPrefix', '+00', 'notIntlPrefix'],
    ['internationalPrefix', '00000', 'notIntlPrefix'],
    ['internationalPrefix', 0, 'wrongType'],
    ['numberIgnoreLabels', 'invoice', 'wrongType'],
    ['numberIgnoreLabels', Array.from({ length: 301 }, (_, i) => `w${i}`), 'tooMany'],
    ['detectNumbers', 'yes', 'wrongType'],
    ['screenPop', 'always', 'notAllowed'],
    ['callWaiting', 1, 'wrongType'],
    ['extraHosts', ['crm.example.com'], 'wrongType'],
    ['orgHosts', 'acme.zendesk.com', 'wrongType'],
    ['iceServers', { urls: ['stun:s.example.com'] }, 'wrongType'],
    ['sipDomain', 'pbx example', 'invalidHost'],
  ])('%s: %j is ignored as %s, nothing locked', (key, raw, reason) => {
    const policy = parsePolicy({ [key]: raw });
    expect(policy.values).toEqual({});
    expect(policy.locked).toEqual([]);
    expect(policy.ignored).toMatchObject([{ key, reason }]);
  });

  it('never echoes secrets in what it reports', () => {
    const policy = parsePolicy({
      hubspotToken: 'pat with spaces',
      iceServers: [{ urls: ['turn:t.example.com:0'], username: 'u', credential: 'hunter2' }],
    });
    expect(policy.ignored).toEqual([
      { key: 'hubspotToken', reason: 'invalidChars', params: ['U+0020'] },
      { key: 'iceServers[0]', reason: 'invalidPort', params: ['0'] },
    ]);
    expect(JSON.stringify(policy)).not.toMatch(/hunter2|pat with/);
  });
});

describe('parsePolicy: whole policies', () => {
  it('treats a missing, empty or malformed policy as no policy', () => {
    for (const raw of [undefined, null, {}, [], 'x', 7])
      expect(parsePolicy(raw)).toEqual(EMPTY_POLICY);
  });

  it('applies the valid part of a partly invalid policy and reports the rest', () => {
    const policy = parsePolicy({
      sipServer: 'wss://pbx.example.com/ws',
      defaultCountry: 'Germany',
      futureSetting: true,
      screenPop: 'ring',
    });
    expect(policy.values).toEqual({ sipServer: 'wss://pbx.example.com/ws', screenPop: 'ring' });
    expect(policy.locked).toEqual(['sipServer', 'screenPop']);
    expect(policy.ignored).toEqual([
      { key: 'defaultCountry', reason: 'unknownCountry', params: ['Germany'], value: 'Germany' },
      { key: 'futureSetting', reason: 'unknownKey' },
    ]);
  });

  it('keeps the good entries of a list and reports each bad one', () => {
    const policy = parsePolicy({
      iceServers: [{ urls: ['stun:a.example.com'] }, { urls: ['turn:b.example.com'] }],
      enabledCrms: ['hubspot', 'pipedrive'],
      extraHosts: { zendesk: ['help.example.com', '*.com'], freshdesk: ['x.example.com'] },
    });
    expect(policy.values).toEqual({
      iceServers: [{ urls: ['stun:a.example.com'] }],
      crmEnabled: { salesforce: false, hubspot: true, zendesk: false },
      extraHosts: { salesforce: [], hubspot: [], zendesk: ['help.example.com'] },
    });
    expect(policy.ignored).toEqual([
      { key: 'iceServers[1]', reason: 'turnNeedsCredentials' },
      { key: 'enabledCrms[1]', reason: 'notAllowed', value: 'pipedrive' },
      {
        key: 'extraHosts.zendesk[1]',
        reason: 'wildcardTooBroad',
        params: ['*.com', 'com'],
        value: '*.com',
      },
      { key: 'extraHosts.freshdesk', reason: 'unknownKey' },
    ]);
  });

  it('keeps an extra host under the first CRM that names it, naming the repeat', () => {
    const policy = parsePolicy({
      extraHosts: { salesforce: ['a.example.com'], zendesk: ['A.example.com', 'b.example.com'] },
    });
    expect(policy.values).toEqual({
      extraHosts: { salesforce: ['a.example.com'], hubspot: [], zendesk: ['b.example.com'] },
    });
    expect(policy.ignored).toMatchObject([{ key: 'extraHosts.zendesk[0]', reason: 'hostTwice' }]);
  });

  it('ignores an extra host sharing hosts with another CRM’s, naming it', () => {
    const policy = parsePolicy({
      extraHosts: {
        salesforce: ['*.example.com'],
        hubspot: ['acme.zendesk.com'],
        zendesk: ['crm.example.com', 'help.example.org'],
      },
    });
    expect(policy.values).toEqual({
      extraHosts: { salesforce: ['*.example.com'], hubspot: [], zendesk: ['help.example.org'] },
    });
    expect(policy.ignored).toEqual([
      {
        key: 'extraHosts.hubspot[0]',
        reason: 'hostOverlap',
        params: ['acme.zendesk.com', '*.zendesk.com'],
        value: 'acme.zendesk.com',
      },
      {
        key: 'extraHosts.zendesk[0]',
        reason: 'hostOverlap',
        params: ['crm.example.com', '*.example.com'],
        value: 'crm.example.com',
      },
    ]);
  });

  it("keeps only an org's own hosts that are that CRM's, naming the others", () => {
    const policy = parsePolicy({
      orgHosts: { hubspot: ['acme.zendesk.com'], zendesk: ['acme.zendesk.com'] },
    });
    expect(policy.values).toEqual({
      orgHosts: { salesforce: [], hubspot: [], zendesk: ['acme.zendesk.com'] },
    });
    expect(policy.ignored).toEqual([
      {
        key: 'orgHosts.hubspot[0]',
        reason: 'notCrmHost',
        params: ['acme.zendesk.com', 'app.hubspot.com, app-eu1.hubspot.com'],
        value: 'acme.zendesk.com',
      },
    ]);
  });

  it('keeps the good filter labels and names each bad one', () => {
    const policy = parsePolicy({ numberIgnoreLabels: ['invoice', 'order#', ' ', 'x'.repeat(61)] });
    expect(policy.values).toEqual({ numberIgnoreLabels: ['invoice'] });
    expect(policy.locked).toEqual(['numberIgnoreLabels']);
    expect(policy.ignored).toEqual([
      { key: 'numberIgnoreLabels[1]', reason: 'invalidLabel', params: ['order#'], value: 'order#' },
      { key: 'numberIgnoreLabels[2]', reason: 'required', value: ' ' },
      { key: 'numberIgnoreLabels[3]', reason: 'tooLong', params: ['60'], value: 'x'.repeat(61) },
    ]);
  });

  it('does not apply a list whose every entry is bad', () => {
    const policy = parsePolicy({
      enabledCrms: ['pipedrive'],
      iceServers: [{ urls: ['x'] }],
      numberIgnoreLabels: ['no;label'],
    });
    expect(policy.values).toEqual({});
    expect(policy.locked).toEqual([]);
    expect(policy.ignored).toHaveLength(3);
  });
});
