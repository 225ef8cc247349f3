import { describe, expect, it } from 'vitest';
import { DialStringError, planDial, toDialString, validateDialString } from './dial-rules.ts';
import type { DialSettings } from './dial-rules.ts';

const de: DialSettings = {
  defaultCountry: 'DE',
  dialFormat: 'international',
  internationalPrefix: '+',
  outsideLinePrefix: '',
};

describe('toDialString', () => {
  it.each<[string, Partial<DialSettings>, string]>([
    ['+49301234567', {}, '+49301234567'],
    ['+49301234567', { internationalPrefix: '00' }, '0049301234567'],
    ['+49301234567', { dialFormat: 'national' }, '0301234567'],
    ['+4915112345678', { dialFormat: 'national' }, '015112345678'],
    ['+493012345670', { dialFormat: 'national' }, '03012345670'],
    ['+49301234567', { dialFormat: 'national', outsideLinePrefix: '0' }, '00301234567'],
    ['+442079460000', { dialFormat: 'national' }, '+442079460000'],
    ['+442079460000', { dialFormat: 'national', outsideLinePrefix: '0' }, '000442079460000'],
    ['+442079460000', { internationalPrefix: '00', outsideLinePrefix: '9' }, '900442079460000'],
    ['+12125550100', { defaultCountry: 'US', dialFormat: 'national' }, '12125550100'],
    ['+390645678901', { defaultCountry: 'IT', dialFormat: 'national' }, '0645678901'],
    ['+442079460000', { defaultCountry: 'US', internationalPrefix: '011' }, '011442079460000'],
    ['+4312345678', { defaultCountry: 'AT', dialFormat: 'national' }, '012345678'],
    ['+41441234567', { defaultCountry: 'CH', dialFormat: 'national' }, '0441234567'],
    // Another country under the home calling code is dialled nationally; 011 1 … is no number
    ['+14165550123', { defaultCountry: 'US', dialFormat: 'national' }, '14165550123'],
    [
      '+14165550123',
      {
        defaultCountry: 'US',
        dialFormat: 'national',
        internationalPrefix: '011',
        outsideLinePrefix: '9',
      },
      '914165550123',
    ],
    ['+14155552671', { defaultCountry: 'US', internationalPrefix: '011' }, '14155552671'],
    ['+14155552671', { defaultCountry: 'CA', internationalPrefix: '011' }, '14155552671'],
    ['+14155552671', { defaultCountry: 'US' }, '+14155552671'],
    ['+441534123456', { defaultCountry: 'GB', dialFormat: 'national' }, '01534123456'],
    ['+49301234567', { internationalPrefix: '00', outsideLinePrefix: '0' }, '00049301234567'],
  ])('%s with %o → %s', (e164, settings, expected) => {
    expect(toDialString(e164, { ...de, ...settings })).toBe(expected);
  });

  it('ignores an outside-line prefix that is not digits', () => {
    expect(toDialString('+49301234567', { ...de, outsideLinePrefix: '0;1' })).toBe('+49301234567');
  });

  it('refuses what is not E.164', () => {
    for (const bad of ['0301234567', '+0301234567', '+49 30 1234567', '+4930123456789012']) {
      expect(() => toDialString(bad, de)).toThrow(DialStringError);
    }
  });
});

describe('validateDialString', () => {
  it('accepts digits, * and # with one leading +', () => {
    for (const ok of ['+49301234567', '*21#', '0301234567', '#31#0301234567']) {
      expect(validateDialString(ok)).toBe(ok);
    }
  });

  it('rejects anything else, and overlong strings', () => {
    const bad = [
      '',
      '+',
      '49+30',
      '030 1234567',
      'sip:bob@example.test',
      '123;ext=4',
      '0'.repeat(33),
    ];
    for (const value of bad.concat(['12\u0000', '١٢٣', '<script>'])) {
      expect(() => validateDialString(value)).toThrow(DialStringError);
    }
  });
});

describe('planDial', () => {
  it('sends an extension as DTMF after answer instead of appending it', () => {
    expect(planDial('+12125550100;ext=123', de)).toEqual({
      kind: 'number',
      dialString: '+12125550100',
      dtmfAfterAnswer: '123',
    });
  });

  it('dials internal extensions as they are, validated', () => {
    expect(planDial(' 4711 ', de)).toEqual({ kind: 'number', dialString: '4711' });
    expect(() => planDial('4711 or 0815', de)).toThrow(DialStringError);
  });

  it('reads numbers as agents type them, with separators, under the dial rules', () => {
    const plan = (typed: string) => planDial(typed, de);
    expect(plan('+49 30 1234567')).toEqual({ kind: 'number', dialString: '+49301234567' });
    expect(plan('030 / 123 45-67')).toEqual({ kind: 'number', dialString: '+49301234567' });
    expect(plan('0049 (30) 1234567')).toEqual({ kind: 'number', dialString: '+49301234567' });
    expect(plan('20 00')).toEqual({ kind: 'number', dialString: '2000' });
  });

  it('reads a link href as the page holds it, under the dial rules', () => {
    const national = { ...de, dialFormat: 'national' as const, outsideLinePrefix: '0' };
    expect(planDial('tel:%2B49%2030%201234567', national)).toEqual({
      kind: 'number',
      dialString: '00301234567',
    });
    expect(planDial('callto:030 1234567;ext=9', de)).toEqual({
      kind: 'number',
      dialString: '+49301234567',
      dtmfAfterAnswer: '9',
    });
    expect(planDial('sip:bob@pbx.example.test;transport=ws', de)).toEqual({
      kind: 'uri',
      uri: 'sip:bob@pbx.example.test',
    });
    expect(() => planDial('tel:javascript:alert(1)', de)).toThrow(DialStringError);
  });

  it('drops the written trunk (0) after a country code, in every look-alike spelling', () => {
    for (const typed of [
      '+49 (0) 30 1234567',
      '+49 (0)30 1234567',
      '+49\u00a0(0)\u201130 1234567',
    ]) {
      expect(planDial(typed, de)).toEqual({ kind: 'number', dialString: '+49301234567' });
    }
    expect(planDial('+49 (0) 30 1234567', { ...de, dialFormat: 'national' })).toEqual({
      kind: 'number',
      dialString: '0301234567',
    });
  });

  it('reads 49(0)30 … without a plus as detection does, not as 0490 …', () => {
    const national = { ...de, dialFormat: 'national' as const, outsideLinePrefix: '0' };
    expect(planDial('49(0)30 1234567', national)).toEqual({
      kind: 'number',
      dialString: '00301234567',
    });
  });

  it('puts direct-dial digits in place of the switchboard -0, and reads bracketed suffixes', () => {
    const national = { ...de, dialFormat: 'national' as const, outsideLinePrefix: '0' };
    expect(planDial('030 12345-0 Durchwahl 123', national)).toEqual({
      kind: 'number',
      dialString: '003012345123',
    });
    expect(planDial('030 1234567 (Durchwahl 12)', de)).toEqual({
      kind: 'number',
      dialString: '+4930123456712',
    });
    expect(planDial('030 1234567 (App. 12)', de)).toEqual({
      kind: 'number',
      dialString: '+49301234567',
      dtmfAfterAnswer: '12',
    });
  });

  it('reads an extension or a direct-dial word typed after the number', () => {
    const dtmf = { kind: 'number', dialString: '+49301234567', dtmfAfterAnswer: '12' };
    expect(planDial('030 1234567 ext. 12', de)).toEqual(dtmf);
    expect(planDial('030-1234567 x12', de)).toEqual(dtmf);
    expect(planDial('+49 30 1234567 Durchwahl 12', de)).toEqual({
      kind: 'number',
      dialString: '+4930123456712',
    });
  });

  it('keeps a SIP address to another domain as it is, sips: and port included', () => {
    const own = { ...de, sipUri: 'sip:agent@pbx.example.test' };
    expect(planDial('sip:2000@other.example.com', own)).toEqual({
      kind: 'uri',
      uri: 'sip:2000@other.example.com',
    });
    expect(planDial('sips:bob@x.example:5061;transport=ws', own)).toEqual({
      kind: 'uri',
      uri: 'sips:bob@x.example:5061',
    });
    expect(planDial('sip:2000@PBX.example.test', own)).toEqual({
      kind: 'number',
      dialString: '2000',
    });
    expect(planDial('sip:%2B49301234567@carrier.example', own)).toEqual({
      kind: 'number',
      dialString: '+49301234567',
    });
    expect(() => planDial('sip:bob@<b>x</b>', own)).toThrow(DialStringError);
  });
});
