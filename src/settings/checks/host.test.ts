import { describe, expect, it } from 'vitest';
import { checkHostName, checkHostPattern, checkOrgHost, extraHostChecker } from './host.ts';
import { reason } from './testing.ts';

describe('host names and patterns', () => {
  it.each([
    ['crm.example.com', 'ok'],
    ['CRM.Example.COM.', 'ok'],
    ['xn--bcher-kva.example', 'ok'],
    ['*.example.com', 'ok'],
    ['*.com', 'wildcardTooBroad'],
    ['*.co.uk', 'wildcardTooBroad'],
    ['*.com.au', 'wildcardTooBroad'],
    ['*.gv.at', 'wildcardTooBroad'],
    ['*.github.io', 'wildcardTooBroad'],
    ['*.acme.github.io', 'ok'],
    ['*.acme.co.uk', 'ok'],
    ['crm*.example.com', 'badWildcard'],
    ['*', 'badWildcard'],
    ['intranet', 'invalidHost'],
    ['https://crm.example.com', 'hostOnly'],
    ['crm.example.com/path', 'hostOnly'],
    ['crm.example.com:443', 'hostOnly'],
    ['-crm.example.com', 'invalidHost'],
    ['crm_x.example.com', 'invalidHost'],
    ['bücher example', 'invalidHost'],
    ['bücher​.example', 'invalidHost'],
    ['10.0.0.1', 'ipNotHost'],
    ['[2001:db8::1]', 'ipNotHost'],
    ['', 'required'],
    [`${'a'.repeat(63)}.`.repeat(4) + 'com', 'tooLong'],
  ])('pattern %s → %s', (input, expected) => {
    expect(reason(checkHostPattern(input))).toBe(expected);
  });

  it.each([
    ['salesforce', 'acme.lightning.force.com', 'ok'],
    ['salesforce', 'acme--uat.sandbox.lightning.force.com', 'ok'],
    ['salesforce', '*.acme.lightning.force.com', 'ok'],
    ['salesforce', 'acme.my.salesforce.com', 'notCrmHost'],
    ['salesforce', 'evil-lightning.force.com', 'notCrmHost'],
    ['hubspot', 'app-eu1.hubspot.com', 'ok'],
    ['hubspot', 'acme.zendesk.com', 'notCrmHost'],
    ['zendesk', 'acme.zendesk.com', 'ok'],
    ['zendesk', 'support.acme.com', 'notCrmHost'],
    ['zendesk', 'acme zendesk', 'invalidHost'],
  ] as const)('org host of %s: %s → %s', (crm, input, expected) => {
    expect(reason(checkOrgHost(crm, input))).toBe(expected);
  });

  it('refuses an extra host already named for another CRM', () => {
    const check = extraHostChecker();
    expect(reason(check('salesforce', 'crm.example.com'))).toBe('ok');
    expect(reason(check('salesforce', 'CRM.example.com'))).toBe('ok');
    expect(reason(check('zendesk', 'Crm.Example.com.'))).toBe('hostTwice');
    expect(reason(check('zendesk', 'help.example.com'))).toBe('ok');
    expect(reason(check('zendesk', '*.bad'))).toBe('wildcardTooBroad');
  });

  it.each([
    ['salesforce', '*.example.com', 'zendesk', 'crm.example.com'],
    ['zendesk', 'crm.example.com', 'salesforce', '*.example.com'],
    ['hubspot', '*.eu.example.com', 'zendesk', '*.example.com'],
    ['hubspot', 'example.com', 'salesforce', '*.example.com'],
  ] as const)(
    'refuses an extra host sharing hosts with another CRM’s: %s %s, %s %s',
    (a, first, b, second) => {
      const check = extraHostChecker();
      expect(reason(check(a, first))).toBe('ok');
      expect(check(b, second)).toEqual({
        ok: false,
        code: 'hostOverlap',
        params: [second, first],
      });
    },
  );

  it.each([
    ['hubspot', 'acme.zendesk.com', '*.zendesk.com'],
    ['salesforce', '*.hubspot.com', 'app.hubspot.com'],
    ['zendesk', 'Acme.Lightning.Force.com', '*.lightning.force.com'],
    ['zendesk', '*.force.com', '*.lightning.force.com'],
  ] as const)('refuses %s extra host %s, within or around %s', (crm, input, builtIn) => {
    expect(extraHostChecker()(crm, input)).toEqual({
      ok: false,
      code: 'hostOverlap',
      params: [input, builtIn],
    });
  });

  it('takes hosts within one CRM’s own, or nested under one CRM, and hosts side by side', () => {
    const check = extraHostChecker();
    expect(reason(check('zendesk', 'acme.zendesk.com'))).toBe('ok');
    expect(reason(check('salesforce', '*.force.com'))).toBe('ok');
    expect(reason(check('salesforce', '*.example.com'))).toBe('ok');
    expect(reason(check('salesforce', 'crm.example.com'))).toBe('ok');
    expect(reason(check('zendesk', '*.example.org'))).toBe('ok');
    expect(reason(check('hubspot', 'example.net'))).toBe('ok');
    expect(reason(check('hubspot', 'notexample.com'))).toBe('ok');
  });

  it('names the domain a too broad wildcard would take in', () => {
    expect(checkHostPattern(' *.CO.uk ')).toEqual({
      ok: false,
      code: 'wildcardTooBroad',
      params: ['*.CO.uk', 'co.uk'],
    });
  });

  it.each([
    ['bücher.example', 'xn--bcher-kva.example'],
    ['CRM.Exämple.de', 'crm.xn--exmple-cua.de'],
    ['*.exämple.de', '*.xn--exmple-cua.de'],
  ])('takes the internationalised name %s in its xn-- form', (input, expected) => {
    expect(checkHostPattern(input)).toEqual({ ok: true, value: expected });
  });

  it('lowercases and drops a trailing dot', () => {
    expect(checkHostName('CRM.Example.com.')).toEqual({ ok: true, value: 'crm.example.com' });
  });
});
