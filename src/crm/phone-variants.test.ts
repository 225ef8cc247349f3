import { describe, expect, it } from 'vitest';
import {
  cleanPhoneText,
  nationalSignificant,
  normalisePhone,
  phoneVariants,
} from './phone-variants.ts';

describe('phoneVariants', () => {
  it('covers the forms C25 stores one switchboard number in', () => {
    const variants = phoneVariants('+493012345670');
    for (const stored of ['+493012345670', '030 1234567-0', '+49 (0)30 1234567-0']) {
      expect(variants).toContain(stored);
    }
  });

  it('splits one long subscriber group before its last four digits, as people write it', () => {
    const variants = phoneVariants('+498920001234');
    for (const form of ['+49 89 2000 1234', '089 2000 1234', '(089) 2000 1234']) {
      expect(variants).toContain(form);
    }
  });

  it('includes national with trunk 0, the 0049 form and separators', () => {
    const variants = phoneVariants('+49301234567');
    for (const form of [
      '+49 30 1234567',
      '030 1234567',
      '0301234567',
      '0049 30 1234567',
      '030-1234567',
      '030/1234567',
      '(030) 1234567',
    ]) {
      expect(variants).toContain(form);
    }
  });

  it('offers no switchboard form for a number not ending in 0', () => {
    expect(phoneVariants('+49301234567').some((v) => v.endsWith('-7'))).toBe(false);
  });

  it('writes North American numbers without a trunk prefix', () => {
    const variants = phoneVariants('+14155551212');
    expect(variants).toContain('(415) 555-1212');
    expect(variants).toContain('415-555-1212');
    expect(variants.some((v) => v.startsWith('0415'))).toBe(false);
  });

  it('lists each form once, E.164 first, and stays bounded', () => {
    const variants = phoneVariants('+442079460000');
    expect(variants[0]).toBe('+442079460000');
    expect(new Set(variants).size).toBe(variants.length);
    expect(variants.length).toBeLessThanOrEqual(48);
  });

  it('gives every variant but the bare digits back as the same E.164 number', () => {
    // `4915112345678` is searched for, but read back it is ambiguous (C24): not compared.
    for (const e164 of ['+493012345670', '+4915112345678', '+442079460000', '+14155551212']) {
      const country = e164.startsWith('+49') ? 'DE' : e164.startsWith('+44') ? 'GB' : 'US';
      const readable = phoneVariants(e164).filter((v) => v !== e164.slice(1));
      // `00` is the international prefix of the agent's country (Europe), not the number's.
      for (const v of readable) {
        expect(normalisePhone(v, v.startsWith('00') ? 'DE' : country), v).toBe(e164);
      }
    }
  });
});

describe('normalisePhone', () => {
  it.each([
    ['(0 30) 123 45-67', '+49301234567'],
    ['+49 (0)30 1234567', '+49301234567'],
    ['0049 30 1234567', '+49301234567'],
    ['+49 30 1234567-0', '+493012345670'],
    ['49(0)30 1234567', '+49301234567'],
    ['+49\u00a030\u00a01234567', '+49301234567'],
    ['030\u20111234567', '+49301234567'],
    ['030 \u2013 1234567', '+49301234567'],
    ['+44 (0)20 7946 0000', '+442079460000'],
  ])('reads %s as %s (C24)', (text, e164) => {
    expect(normalisePhone(text, 'DE')).toBe(e164);
  });

  it('gives undefined for text that is no phone number', () => {
    expect(normalisePhone('Acme <b>Bold</b>', 'DE')).toBeUndefined();
    expect(normalisePhone('12', 'DE')).toBeUndefined();
  });

  it('cleans invisible characters', () => {
    expect(cleanPhoneText('\u200b030\u00a01234567\ufeff')).toBe('030 1234567');
  });

  it('knows the national significant number', () => {
    expect(nationalSignificant('+493012345670')).toBe('3012345670');
  });
});
