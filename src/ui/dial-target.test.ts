import { describe, expect, it } from 'vitest';
import { checkDialTarget, isKeypadKey } from './dial-target.ts';

describe('checkDialTarget', () => {
  it.each([
    ['+49 30 1234567', '+49301234567'],
    ['(030) 123-45.67', '0301234567'],
    ['*21#', '*21#'],
    ['1001', '1001'],
    ['sip:bob@sip.test', 'sip:bob@sip.test'],
    ['  sips:alice@pbx.example.test:5061 ', 'sips:alice@pbx.example.test:5061'],
    ['030\u20111234567', '0301234567'],
    ['030\u2013123\u00a045\u00a067', '0301234567'],
    ['\uff10\uff13\uff10 1234567', '0301234567'],
    ['tel:+49301234567', '+49301234567'],
    ['tel:%2B49%2030%201234567;phone-context=x', '+49301234567'],
    ['030 1234567 ext. 12', '0301234567;ext=12'],
    ['+49 30 1234567 x12', '+49301234567;ext=12'],
    ['030 1234567 Durchwahl 12', '030123456712'],
    ['030 12345-0 Durchwahl 123', '03012345123'],
    ['49 (0)30 1234567', '+49301234567'],
    ['Tel.: 030 1234567', '0301234567'],
    ['Mobil 0171 1234567', '01711234567'],
    ['Tel.-Nr. +49 30 1234567', '+49301234567'],
    ['030 1234567,12', '0301234567;ext=12'],
    ['030 1234567; 12', '0301234567;ext=12'],
    ['0049 (0) 30 1234567', '+49301234567'],
    ['030 1234567 (Durchwahl 12)', '030123456712'],
    ['030 1234567 (App. 12)', '0301234567;ext=12'],
    ['030 1234567 Nebenstelle 12', '0301234567;ext=12'],
  ])('accepts %j as %j', (input, target) => {
    expect(checkDialTarget(input)).toEqual({ ok: true, target });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['call bob', 'characters'],
    ['0301234567x', 'characters'],
    ['x 12', 'characters'],
    ['tel:javascript:alert(1)', 'characters'],
    ['tel:+49+30', 'plus'],
    ['<img src=x>', 'characters'],
    ['+49+30', 'plus'],
    ['sip:bob', 'uri'],
    ['sip:<b>@x', 'uri'],
    ['1'.repeat(33), 'length'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(checkDialTarget(input)).toEqual({ ok: false, reason });
  });
});

it('knows the twelve keypad keys', () => {
  expect(['0', '9', '*', '#'].every(isKeypadKey)).toBe(true);
  expect(['a', '+', 'Enter'].some(isKeypadKey)).toBe(false);
});
