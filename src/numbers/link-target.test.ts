import { describe, expect, it } from 'vitest';
import { linkTarget, valueTarget } from './link-target.ts';

describe('linkTarget', () => {
  it.each<[string, string | null]>([
    ['tel:%2B49%2030%201234567', '+49301234567'], // C20 (a)
    ['tel:+49-30-1234567', '+49301234567'],
    ['tel:030 1234567', '+49301234567'],
    ['tel:+1-212-555-0100;ext=12', '+12125550100;ext=12'],
    ['tel:+1-212-555-0100;phone-context=example.test', '+12125550100'],
    ['TEL:+49301234567', '+49301234567'],
    ['callto:+49301234567', '+49301234567'],
    ['callto://+49301234567', '+49301234567'],
    ['sip:+49301234567@pbx.example.test;user=phone', '+49301234567'],
    ['sip:bob@pbx.example.test', 'sip:bob@pbx.example.test'],
    ['sips:bob@pbx.example.test:5061;transport=tls', 'sip:bob@pbx.example.test:5061'],
    ['tel:4711', '4711'],
    ['tel:', null],
    ['tel:javascript:alert(1)', null],
    ['tel:%E0%A4%A', null],
    ['tel:+49301234567;ext=12;ext=<b>', '+49301234567;ext=12'],
    ['tel:+49301234567;ext=abc', null],
    ['sip:<script>@x', null],
    ['mailto:a@example.test', null],
    ['https://example.test/tel:+49301234567', null],
  ])('%s → %s', (href, expected) => {
    expect(linkTarget(href, 'DE')).toBe(expected);
  });
});

describe('valueTarget', () => {
  it('reads a selected or stored number in the default country', () => {
    expect(valueTarget(' (0 30) 123 45-67 ', 'DE')).toBe('+49301234567');
    expect(valueTarget('2125550100', 'US')).toBe('+12125550100');
    expect(valueTarget('Call me maybe', 'DE')).toBeNull();
    expect(valueTarget('12', 'DE')).toBeNull();
  });
});
