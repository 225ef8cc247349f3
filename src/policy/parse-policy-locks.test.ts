import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from './parse-policy.ts';
import { POLICY_REASONS, reasonMessageName } from './policy-types.ts';

describe('parsePolicy: locking and the SIP domain', () => {
  it('turns keys named in unlockedSettings into defaults', () => {
    const policy = parsePolicy({
      defaultCountry: 'AT',
      screenPop: 'ring',
      enabledCrms: ['hubspot'],
      unlockedSettings: ['screenPop', 'enabledCrms', 'noSuchKey', 'unlockedSettings'],
    });
    expect(policy.values).toMatchObject({ defaultCountry: 'AT', screenPop: 'ring' });
    expect(policy.locked).toEqual(['defaultCountry']);
    expect(policy.ignored).toEqual([
      { key: 'unlockedSettings', reason: 'unknownKey', value: 'noSuchKey' },
      { key: 'unlockedSettings', reason: 'unknownKey', value: 'unlockedSettings' },
    ]);
  });

  it('reads the SIP domain, locked unless unlocked', () => {
    expect(parsePolicy({ sipDomain: 'PBX.example.com' }).sipDomain).toEqual({
      name: 'pbx.example.com',
      locked: true,
    });
    const unlocked = parsePolicy({ sipDomain: 'sip.test', unlockedSettings: ['sipDomain'] });
    expect(unlocked.sipDomain).toEqual({ name: 'sip.test', locked: false });
  });

  it('reports a SIP domain that contradicts a whole SIP address', () => {
    const policy = parsePolicy({ sipUri: 'sip:1001@a.example.com', sipDomain: 'b.example.com' });
    expect(policy.sipDomain).toBeUndefined();
    expect(policy.values.sipUri).toBe('sip:1001@a.example.com');
    expect(policy.ignored).toEqual([
      { key: 'sipDomain', reason: 'conflict', value: 'b.example.com' },
    ]);
  });
});

describe('messages for the options page', () => {
  const catalogue = (lang: string) =>
    JSON.parse(
      fs.readFileSync(
        new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url),
        'utf8',
      ),
    ) as Record<string, { message: string }>;

  it.each(['en', 'de'])('every reason has a %s message', (lang) => {
    const messages = catalogue(lang);
    const missing = POLICY_REASONS.map(reasonMessageName).filter((name) => !messages[name]);
    expect(missing).toEqual([]);
    expect(messages.policyRefusedLocked?.message).toBeTruthy();
  });
});
