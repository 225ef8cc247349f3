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
  ])('accepts %j as %j', (input, target) => {
    expect(checkDialTarget(input)).toEqual({ ok: true, target });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['call bob', 'characters'],
    ['0301234567x', 'characters'],
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
