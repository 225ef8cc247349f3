import { describe, expect, it } from 'vitest';
import { parseSegment } from '../../numbers/parse-segment.ts';
import { checkSipDomain } from '../../policy/validators.ts';
import { checkServerUrl, checkSipUri } from './account-checks.ts';
import {
  checkCountry,
  checkIgnoreLabel,
  checkInternationalPrefix,
  checkOutsideLinePrefix,
  checkOwnNumber,
} from './dialling-checks.ts';
import { checkIceServer, checkIceUri } from './ice-checks.ts';

import { reason } from './testing.ts';

describe('checkServerUrl', () => {
  it.each([
    ['wss://pbx.example.com:8089/ws', 'ok'],
    ['  wss://pbx.example.com/ws ', 'ok'],
    ['ws://127.0.0.1:5066', 'ok'],
    ['ws://127.1:5066', 'ok'],
    ['ws://127.255.0.9/ws', 'ok'],
    // Host names that only start like a loopback address are somewhere else.
    ['ws://127.0.0.1.attacker.example/ws', 'insecureUrl'],
    ['ws://127.attacker.example:80/ws', 'insecureUrl'],
    ['ws://localhost.attacker.example/ws', 'insecureUrl'],
    ['ws://localhost:8080/ws', 'ok'],
    ['ws://[::1]:8080', 'ok'],
    ['ws://pbx.example.com/ws', 'insecureUrl'],
    ['ws://10.0.0.5:8080', 'insecureUrl'],
    ['https://pbx.example.com', 'invalidUrl'],
    ['wss://user:pw@pbx.example.com', 'urlCredentials'],
    ['wss://user@pbx.example.com/ws', 'urlCredentials'],
    ['wss://pbx.example.com/#x', 'urlFragment'],
    ['wss://pbx.example.com/ws#', 'urlFragment'],
    // A space in the host is named as typed (URL would encode it to pbx%20example.com).
    ['wss://pbx example.com/ws', 'invalidChars'],
    ['pbx.example.com', 'invalidUrl'],
    ['wss://pbx.example.com:99999/ws', 'invalidPort'],
    ['wss://pbx.example.com:0/ws', 'invalidPort'],
    ['wss://:8089', 'missingHost'],
    ['wss://pbx_example.com/ws', 'invalidHost'],
    ['', 'required'],
  ])('%s → %s', (input, expected) => {
    expect(reason(checkServerUrl(input))).toBe(expected);
  });

  it.each([
    ['wss://pbx.example.com:8089/ws', 'wss://pbx.example.com:8089/ws'],
    ['wss://pbx.example.com', 'wss://pbx.example.com'],
    ['WSS://PBX.Example.com:8089/ws', 'wss://pbx.example.com:8089/ws'],
    ['Wss://pbx.example.com.:8089/ws', 'wss://pbx.example.com:8089/ws'],
    ['wss://pbx.exämple.de/ws', 'wss://pbx.xn--exmple-cua.de/ws'],
    ['WS://127.1:8080', 'ws://127.0.0.1:8080'],
    ['wss://pbx.example.com:443/ws?x=ä', 'wss://pbx.example.com/ws?x=%C3%A4'],
    ['ws://[::1]:8080/', 'ws://[::1]:8080/'],
  ])('keeps %s as sip.js reads it: %s', (input, expected) => {
    expect(checkServerUrl(input)).toEqual({ ok: true, value: expected });
  });
});

describe('checkSipUri and checkSipDomain', () => {
  it('normalises the scheme and domain but keeps the user part', () => {
    expect(checkSipUri(' SIP:Agent.1001@PBX.Example.com ')).toEqual({
      ok: true,
      value: 'sip:Agent.1001@pbx.example.com',
    });
    expect(checkSipUri('sips:1001@192.0.2.10').ok).toBe(true);
  });

  it.each(['1001@pbx.example.com', 'sip:@pbx.example.com', 'sip:1001@'])('refuses %s', (input) =>
    expect(reason(checkSipUri(input))).toBe('invalidSipUri'),
  );

  it.each([
    ['sip:a b@x.example', 'invalidChars'],
    ['sip:a%zz@x.example', 'invalidChars'],
    ['sip:1001@-bad-.example', 'invalidHost'],
    ['sip:1001@10.0.0', 'invalidHost'],
    ['sip:1001@[2001:db8::zz]', 'invalidHost'],
    ['sip:1001@x.example:0', 'invalidPort'],
    ['sip:1001@wss://pbx.example.com', 'invalidSipUri'],
    ['sip:1001@pbx.example.com:5061>', 'invalidSipUri'],
    ['sip:1001@x.example?subject=x', 'sipUriParams'],
  ])('refuses %s as %s', (input, code) => expect(reason(checkSipUri(input))).toBe(code));

  it('accepts a host name or an IPv4 address as SIP domain', () => {
    expect(checkSipDomain('sip.test')).toEqual({ ok: true, value: 'sip.test' });
    expect(checkSipDomain('192.0.2.1').ok).toBe(true);
    expect(reason(checkSipDomain('pbx.example.com:5060'))).toBe('hostOnly');
  });
});

describe('country and prefix', () => {
  it.each([
    ['DE', 'ok'],
    ['de', 'ok'],
    [' AT ', 'ok'],
    ['XX', 'unknownCountry'],
    ['DEU', 'unknownCountry'],
    ['', 'required'],
  ])('country %s → %s', (input, expected) => {
    expect(reason(checkCountry(input))).toBe(expected);
  });

  it.each([
    ['0', 'ok'],
    ['', 'ok'],
    ['00', 'ok'],
    ['*9', 'ok'],
    ['0-', 'invalidPrefix'],
    ['+', 'invalidPrefix'],
    ['12345', 'invalidPrefix'],
  ])('outside-line prefix %s → %s', (input, expected) => {
    expect(reason(checkOutsideLinePrefix(input))).toBe(expected);
  });

  it.each([
    ['+', 'ok'],
    [' 00 ', 'ok'],
    ['011', 'ok'],
    ['', 'notIntlPrefix'],
    ['+00', 'notIntlPrefix'],
    ['00000', 'notIntlPrefix'],
    ['0', 'notIntlPrefix'],
  ])('international prefix %s → %s', (input, expected) => {
    expect(reason(checkInternationalPrefix(input))).toBe(expected);
  });
});

describe('filter labels', () => {
  it.each([
    ['Kunden-Nr.', 'ok'],
    ['Kundennr.:', 'ok'],
    ['rechnung*', 'ok'],
    ['n° 1', 'invalidLabel'],
    // The matcher reads letters only: digits or a `*` inside would never match anything.
    ['kd2', 'invalidLabel'],
    ['re*ch', 'invalidLabel'],
    ['*', 'invalidLabel'],
    // Once "re, then any word"; the matcher reads a star only at the end of a word.
    ['re *', 'invalidLabel'],
    ['rechnung.*', 'invalidLabel'],
    ['- .', 'invalidLabel'],
    ['', 'required'],
    ['a'.repeat(61), 'tooLong'],
  ])('%s → %s', (input, expected) => {
    expect(reason(checkIgnoreLabel(input))).toBe(expected);
  });

  it('lower-cases a label, as the matcher reads it', () => {
    expect(checkIgnoreLabel(' Kundennr ')).toEqual({ ok: true, value: 'kundennr' });
  });
});

describe('own numbers', () => {
  it.each([
    ['+49 30 1234567', '+49301234567'],
    ['+49 (30) 123-4567', '+49301234567'],
    // The trunk prefix in brackets is not dialled from abroad.
    ['+49 (0)30 1234567', '+49301234567'],
    ['+49(0)30-1234567', '+49301234567'],
    ['+49 ( 0 ) 30 1234567', '+49301234567'],
    ['(+49) (0)30 1234567', '+49301234567'],
    ['+44 (0)20 7946 0958', '+442079460958'],
    ['0049 30 1234567', '+49301234567'],
    ['0049 (0)30 1234567', '+49301234567'],
    ['+49 030 1234567', '+49301234567'],
  ])('%s → %s', (input, expected) => {
    expect(checkOwnNumber(input)).toEqual({ ok: true, value: expected });
  });

  it('stores what the dialler reads from the same text', () => {
    const typed = '+49 (0)30 1234567';
    expect(checkOwnNumber(typed)).toEqual({ ok: true, value: parseSegment(typed, 'DE')?.e164 });
  });

  it.each([
    '030 1234567',
    '(0)30 1234567',
    '+0 30 123',
    '+49 1234',
    '+999 1234567',
    'call +49',
    '+49 30 9876543 ext. 12',
  ])('refuses %s, not international', (input) => {
    expect(checkOwnNumber(input)).toEqual({ ok: false, code: 'invalidNumber', params: [input] });
  });
});

describe('ICE servers', () => {
  it.each([
    ['stun:stun.example.com', 'ok'],
    ['stun:stun.example.com:3478', 'ok'],
    ['stuns:192.0.2.1:5349', 'ok'],
    ['turn:turn.example.com?transport=tcp', 'ok'],
    ['turns:[2001:db8::1]:443', 'ok'],
    ['stun:stun.example.com?transport=udp', 'iceTransport'],
    ['turn:turn.example.com?transport=tls', 'iceTransport'],
    ['http://stun.example.com', 'invalidIceUrl'],
    ['stun://stun.example.com', 'iceSlashes'],
    ['stun:stun.example.com:99999', 'invalidPort'],
    ['stun:stun_1.example.com', 'invalidHost'],
    ['stun:', 'invalidIceUrl'],
  ])('uri %s → %s', (input, expected) => {
    expect(reason(checkIceUri(input))).toBe(expected);
  });

  it('requires username and credential for TURN only', () => {
    expect(checkIceServer({ urls: ['stun:s.example.com'] })).toEqual({
      ok: true,
      value: { urls: ['stun:s.example.com'] },
    });
    const turn = { urls: ['turn:t.example.com'], username: 'u', credential: 'c' };
    expect(checkIceServer(turn)).toEqual({ ok: true, value: turn });
    expect(reason(checkIceServer({ urls: ['turn:t.example.com'], username: 'u' }))).toBe(
      'turnNeedsCredentials',
    );
  });

  it('refuses entries without usable urls', () => {
    expect(reason(checkIceServer({ urls: [] }))).toBe('invalidIceUrl');
    expect(reason(checkIceServer({}))).toBe('invalidIceUrl');
    expect(reason(checkIceServer('stun:s.example.com'))).toBe('invalidIceUrl');
    expect(reason(checkIceServer({ urls: ['stun:ok.example.com', 'bad'] }))).toBe('invalidIceUrl');
  });
});
