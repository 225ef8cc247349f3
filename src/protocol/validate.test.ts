import { describe, expect, it } from 'vitest';
import { checkDialTarget, checkPayload } from './validate.ts';

describe('checkDialTarget', () => {
  it.each([
    '+49 30 1234567',
    '030 / 123 45-67',
    '(0151) 12345678',
    '100',
    '*97',
    'sip:bob@sip.test',
    'sips:+4930123@pbx.example.test:5061',
  ])('accepts %s', (target) => {
    expect(checkDialTarget(target)).toBeNull();
  });

  it.each([
    '',
    '   ',
    '---',
    'javascript:alert(1)',
    '<img src=x onerror=alert(1)>',
    'sip:bob@sip.test;transport=tcp?Subject=x',
    'tel:+4930',
    '+49 30 1234567\n+1 555',
    '1'.repeat(41),
  ])('refuses %j', (target) => {
    expect(checkDialTarget(target)).not.toBeNull();
  });

  it('refuses anything but text', () => {
    expect(checkDialTarget(4930123)).toBe('target must be text');
  });
});

describe('checkPayload', () => {
  it('checks the record a dial carries', () => {
    const record = { crm: 'salesforce', type: 'Contact', id: '003xx' };
    expect(checkPayload('phone.dial', { target: '+4930123', record })).toBeNull();
    expect(
      checkPayload('phone.dial', { target: '+4930123', record: { ...record, crm: 'sap' } }),
    ).toBe('unknown CRM');
    const url = 'javascript:alert(1)';
    expect(checkPayload('phone.dial', { target: '+4930123', record: { ...record, url } })).toBe(
      'bad record url',
    );
  });

  it('lets a dial carry an extension after a number, and nothing else after it', () => {
    expect(checkPayload('phone.dial', { target: '+4930123;ext=12' })).toBeNull();
    expect(checkPayload('phone.dial', { target: '0301234567;ext=12' })).toBeNull();
    expect(checkPayload('phone.dial', { target: '0301234567;ext=1<b>' })).not.toBeNull();
    expect(checkPayload('phone.dial', { target: 'abc;ext=12' })).not.toBeNull();
  });

  it('checks call commands field by field', () => {
    expect(checkPayload('call.mute', { callId: 'c1', muted: true })).toBeNull();
    expect(checkPayload('call.mute', { callId: 'c1', muted: 'yes' })).toMatch(/muted/);
    expect(checkPayload('call.hold', { held: true })).toBe('bad call id');
    expect(checkPayload('call.decline', { callId: 'c1', code: 404 })).toMatch(/486 or 603/);
    expect(checkPayload('call.dtmf', { callId: 'c1', tones: '12#*' })).toBeNull();
    expect(checkPayload('call.dtmf', { callId: 'c1', tones: '12;rm' })).toBe('bad tones');
  });

  it('wants no payload where none belongs, and knows every name', () => {
    expect(checkPayload('phone.snapshot', null)).toBeNull();
    expect(checkPayload('phone.snapshot', { all: true })).toBe('expected no payload');
    expect(checkPayload('call.explode', {})).toBe('unknown message call.explode');
    expect(checkPayload('toString', {})).toBe('unknown message toString');
  });
});
