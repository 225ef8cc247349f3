/**
 * The four places that judge a setting (the settings store, the options form, the policy
 * parser, the engine) agree: one table of values, run through each, must give the same code
 * and parameters, and the good values must pass all of them. A value one of them took and
 * another refused is how a fleet ended up with a locked setting the engine would not register.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAccount, type AccountSettings } from '../../engine/account.ts';
import { parsePolicy } from '../../policy/parse-policy.ts';
import { setTranslator } from '../../ui/i18n.ts';
import { toDraft } from '../../ui/options/draft.ts';
import { makeView } from '../../ui/options/fixtures.ts';
import { validate } from '../../ui/options/validate.ts';
import { checkSettingsChanges } from '../validate.ts';
import type { FieldProblem } from './problem.ts';

type Path = 'store' | 'form' | 'policy' | 'engine';
type Key =
  | 'sipServer'
  | 'sipUri'
  | 'authorizationUser'
  | 'password'
  | 'displayName'
  | 'registerExpires'
  | 'defaultCountry'
  | 'outsideLinePrefix'
  | 'internationalPrefix'
  | 'hubspotToken'
  | 'ownNumbers';

type Value = string | number | string[];

const ACCOUNT: Partial<Record<Key, keyof AccountSettings>> = {
  sipServer: 'server',
  sipUri: 'sipUri',
  authorizationUser: 'authorizationUser',
  password: 'password',
  displayName: 'displayName',
  registerExpires: 'registerExpires',
};
const ALL: Path[] = ['store', 'form', 'policy', 'engine'];
const NOT_ENGINE: Path[] = ['store', 'form', 'policy'];

/** The problem each path reports for `key: value`, or null when it takes the value. */
const judge: Record<Path, (key: Key, value: Value) => FieldProblem | null> = {
  store(key, value) {
    const [error] = checkSettingsChanges({ [key]: value }).errors;
    return error ? { code: error.code ?? ('none' as never), params: error.params } : null;
  },
  form(key, value) {
    const typed = Array.isArray(value) ? value.join('\n') : String(value);
    const draft = { ...toDraft(makeView()), [key]: typed };
    const error = validate(draft, () => false).find((e) => e.field === key);
    return error ? { code: error.code, params: error.params } : null;
  },
  policy(key, value) {
    const policy = parsePolicy({ [key]: value });
    const [issue] = policy.ignored;
    if (!issue) {
      expect(policy.locked).toContain(key);
      return null;
    }
    expect(policy.locked).not.toContain(key);
    return { code: issue.reason as FieldProblem['code'], params: issue.params };
  },
  engine(key, value) {
    const field = ACCOUNT[key] ?? 'server';
    const account = {
      server: 'wss://pbx.example.com/ws',
      sipUri: 'sip:1001@pbx.example.com',
      password: 'secret',
      [field]: value,
    };
    const result = validateAccount(account);
    if (result.ok) return null;
    const { code, params } = result.errors[0] ?? { code: 'required' as const };
    return { code, params };
  },
};

const BAD: [Key, Value, FieldProblem, Path[]][] = [
  ['sipServer', 'wss://pbx.example.com:99999/ws', { code: 'invalidPort', params: ['99999'] }, ALL],
  ['sipServer', 'wss://:8089', { code: 'missingHost' }, ALL],
  ['sipServer', 'ws://pbx.example.com/ws', { code: 'insecureUrl' }, ALL],
  ['sipServer', 'ws://10.0.0.5:8080', { code: 'insecureUrl' }, ALL],
  ['sipServer', 'https://pbx.example.com', { code: 'invalidUrl' }, ALL],
  [
    'sipServer',
    'wss://pbx_example.com/ws',
    { code: 'invalidHost', params: ['pbx_example.com'] },
    ALL,
  ],
  ['sipUri', 'sip:1001@pbx.example.com;transport=ws', { code: 'sipUriParams' }, ALL],
  ['sipUri', 'sip:1001@pbx_example.com', { code: 'invalidHost', params: ['pbx_example.com'] }, ALL],
  ['sipUri', 'sip:Jörg@pbx.example.com', { code: 'invalidChars', params: ['ö'] }, ALL],
  ['sipUri', 'sip:1001@<b>x</b>', { code: 'invalidHost', params: ['<b>x</b>'] }, ALL],
  ['sipUri', '1001@pbx.example.com', { code: 'invalidSipUri' }, ALL],
  ['sipUri', 'sip:1001@pbx.example.com:70000', { code: 'invalidPort', params: ['70000'] }, ALL],
  ['displayName', 'Hotline\u0007', { code: 'invalidChars', params: ['U+0007'] }, ALL],
  ['displayName', 'x'.repeat(101), { code: 'tooLong', params: ['100'] }, ALL],
  ['authorizationUser', 'agent 7', { code: 'invalidChars', params: ['U+0020'] }, ALL],
  ['password', 'a\nb', { code: 'invalidChars', params: ['U+000A'] }, ALL],
  ['password', '', { code: 'required' }, ['policy', 'engine']],
  ['registerExpires', 100_000, { code: 'outOfRange', params: ['60', '86400'] }, NOT_ENGINE],
  ['defaultCountry', 'UK', { code: 'unknownCountry', params: ['UK'] }, NOT_ENGINE],
  ['defaultCountry', 'XX', { code: 'unknownCountry', params: ['XX'] }, NOT_ENGINE],
  ['outsideLinePrefix', '12345', { code: 'invalidPrefix', params: ['4'] }, NOT_ENGINE],
  ['outsideLinePrefix', '9a', { code: 'invalidPrefix', params: ['4'] }, NOT_ENGINE],
  ['internationalPrefix', '+00', { code: 'notIntlPrefix' }, NOT_ENGINE],
  ['hubspotToken', 'pat eu1', { code: 'invalidChars', params: ['U+0020'] }, NOT_ENGINE],
  ['hubspotToken', 'pat-eu1-é', { code: 'invalidChars', params: ['é'] }, NOT_ENGINE],
  ['hubspotToken', 'p'.repeat(513), { code: 'tooLong', params: ['512'] }, NOT_ENGINE],
  ['ownNumbers', ['030 9876543'], { code: 'invalidNumber', params: ['030 9876543'] }, NOT_ENGINE],
  [
    'ownNumbers',
    Array.from({ length: 51 }, (_, i) => `+4930987${String(i).padStart(4, '0')}`),
    { code: 'tooMany', params: ['50'] },
    NOT_ENGINE,
  ],
];

const GOOD: [Key, Value, Path[]][] = [
  ['sipServer', 'wss://pbx.example.com:8089/ws', ALL],
  ['sipServer', 'wss://[2001:db8::1]:8089/ws', ALL],
  ['sipServer', 'ws://127.0.0.1:8080', ALL],
  ['sipServer', 'ws://localhost:5066/ws', ALL],
  ['sipUri', 'sip:1001@pbx.example.com', ALL],
  ['sipUri', 'sip:agent@10.0.0.5', ALL],
  ['sipUri', 'sip:1001@[2001:db8::1]', ALL],
  ['sipUri', 'sips:+4930123@pbx.example.com:5061', ALL],
  ['displayName', 'Hotline "Süd"', ALL],
  ['displayName', 'Back\\slash', ALL],
  ['authorizationUser', 'jörg.müller', ALL],
  ['password', 'pä$$ "wort"', ALL],
  ['registerExpires', 600, ALL],
  ['defaultCountry', 'GB', NOT_ENGINE],
  ['defaultCountry', 'AT', NOT_ENGINE],
  ['outsideLinePrefix', '0', NOT_ENGINE],
  ['outsideLinePrefix', '*9', NOT_ENGINE],
  ['internationalPrefix', '011', NOT_ENGINE],
  ['hubspotToken', 'pat-eu1-0000-example', NOT_ENGINE],
  ['ownNumbers', ['+49 (30) 987-6543', '+41445551234'], NOT_ENGINE],
];

const cases = <T extends unknown[]>(rows: T[], paths: (row: T) => Path[]) =>
  rows.flatMap((row) => paths(row).map((path) => [path, ...row] as [Path, ...T]));

beforeAll(() => setTranslator((key) => key));
afterAll(() => setTranslator(null));

describe('every path refuses a bad value with the same code', () => {
  it.each(cases(BAD, (row) => row[3]))('%s: %s %j → %j', (path, key, value, problem) => {
    const found = judge[path](key, value);
    expect(
      found && { code: found.code, ...(found.params ? { params: found.params } : {}) },
    ).toEqual(problem);
  });
});

describe('every path takes a good value', () => {
  it.each(cases(GOOD, (row) => row[2]))('%s: %s %j', (path, key, value) => {
    expect(judge[path](key, value)).toBeNull();
  });
});
