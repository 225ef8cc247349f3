import { describe, expect, it } from 'vitest';
import { toDialString, type DialSettings } from './dial-rules.ts';
import { dialledNumber } from './dialled-number.ts';

const base: DialSettings = {
  defaultCountry: 'DE',
  dialFormat: 'international',
  internationalPrefix: '+',
  outsideLinePrefix: '',
};

describe('dialledNumber', () => {
  const cases: [string, Partial<DialSettings>][] = [
    ['E.164 as it is', {}],
    ['national form', { dialFormat: 'national' }],
    ['outside-line 0, national', { dialFormat: 'national', outsideLinePrefix: '0' }],
    ['outside-line 0, international', { outsideLinePrefix: '0' }],
    ['00 prefix', { internationalPrefix: '00' }],
    ['US rules', { defaultCountry: 'US', internationalPrefix: '011', dialFormat: 'national' }],
  ];
  for (const [name, over] of cases) {
    it(`reads back what dial rules made: ${name}`, () => {
      const settings = { ...base, ...over };
      for (const e164 of ['+49301234567', '+4915123456789', '+12125550100', '+441632960961']) {
        expect(dialledNumber(toDialString(e164, settings), settings)).toBe(e164);
      }
    });
  }

  it('leaves internal numbers and feature codes alone', () => {
    expect(dialledNumber('123', base)).toBeUndefined();
    expect(dialledNumber('*97', base)).toBeUndefined();
    expect(dialledNumber('1234567', base)).toBeUndefined();
    expect(dialledNumber('0301234567', { ...base, outsideLinePrefix: '9' })).toBeUndefined();
  });
});
