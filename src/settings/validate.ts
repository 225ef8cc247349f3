/**
 * Checks a settings change from a view before it is stored: every key must be known and of
 * its default's type, and the few formats we can judge here must hold. The engine checks the
 * account more deeply when it registers (validateAccount in src/engine).
 */
import { t } from '../core/i18n.ts';
import type { FieldError } from '../protocol/messages.ts';
import { DEFAULT_SETTINGS, type SettingKey, type Settings } from './settings.ts';

type Rule = (value: unknown) => boolean;

const text =
  (re: RegExp): Rule =>
  (v) =>
    typeof v === 'string' && (v === '' || re.test(v));
const oneOf =
  (...options: string[]): Rule =>
  (v) =>
    typeof v === 'string' && options.includes(v);
const HOST = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const E164 = /^\+[1-9]\d{5,14}$/;
const CRMS = Object.keys(DEFAULT_SETTINGS.crmEnabled);

function isRecordOf(v: unknown, item: Rule): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const entries = Object.entries(v);
  return entries.length === CRMS.length && entries.every(([k, x]) => CRMS.includes(k) && item(x));
}

function isIceServer(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  const urls = Array.isArray(s.urls) ? (s.urls as unknown[]) : [s.urls];
  const optional = (x: unknown) => x === undefined || typeof x === 'string';
  const url = (u: unknown) => typeof u === 'string' && /^(stuns?|turns?):\S+$/.test(u);
  return urls.length > 0 && urls.every(url) && optional(s.username) && optional(s.credential);
}

/** Format rules beyond the type; keys not listed need only the right type. */
const RULES: Partial<Record<SettingKey, Rule>> = {
  sipServer: text(/^wss?:\/\/[^\s/?#]+(\/\S*)?$/),
  sipUri: text(/^sips?:[^@\s:]+@[^\s@]+$/),
  registerExpires: (v) => Number.isInteger(v) && (v as number) >= 60 && (v as number) <= 86_400,
  defaultCountry: text(/^[A-Z]{2}$/),
  outsideLinePrefix: text(/^[0-9*#]{1,4}$/),
  dialFormat: oneOf('national', 'international'),
  internationalPrefix: (v) => typeof v === 'string' && /^(\+|\d{1,4})$/.test(v),
  numberIgnoreLabels: (v) =>
    Array.isArray(v) &&
    v.length <= 300 &&
    v.every((w) => typeof w === 'string' && /^[\p{L}\p{N} .*-]{1,60}$/u.test(w)),
  screenPop: oneOf('never', 'ring', 'answer'),
  ownNumbers: (v) =>
    Array.isArray(v) && v.length <= 50 && v.every((n) => typeof n === 'string' && E164.test(n)),
  iceServers: (v) => Array.isArray(v) && v.every(isIceServer),
  crmEnabled: (v) => isRecordOf(v, (x) => typeof x === 'boolean'),
  extraHosts: (v) =>
    isRecordOf(v, (x) => Array.isArray(x) && x.every((h) => typeof h === 'string' && HOST.test(h))),
};

function sameType(key: SettingKey, value: unknown): boolean {
  const reference = DEFAULT_SETTINGS[key];
  if (Array.isArray(reference)) return Array.isArray(value);
  return typeof value === typeof reference && value !== null;
}

/** Fields whose catalogue entry `settingsInvalid<Field>` says what is expected. */
const EXPLAINED = new Set<string>([
  'sipServer',
  'sipUri',
  'registerExpires',
  'defaultCountry',
  'outsideLinePrefix',
  'internationalPrefix',
  'numberIgnoreLabels',
  'iceServers',
  'extraHosts',
]);

function invalidMessage(key: string): string {
  if (!EXPLAINED.has(key)) return t('settingsInvalidValue');
  return t(`settingsInvalid${key.charAt(0).toUpperCase()}${key.slice(1)}`);
}

export interface CheckedChanges {
  patch: Partial<Settings>;
  errors: FieldError[];
}

export function checkSettingsChanges(changes: Record<string, unknown>): CheckedChanges {
  const patch: Record<string, unknown> = {};
  const errors: FieldError[] = [];

  for (const [key, value] of Object.entries(changes)) {
    if (!Object.hasOwn(DEFAULT_SETTINGS, key)) {
      errors.push({ field: key, message: t('settingsUnknownKey') });
      continue;
    }
    const rule = RULES[key as SettingKey];
    if (!sameType(key as SettingKey, value) || (rule && !rule(value))) {
      errors.push({ field: key, message: invalidMessage(key) });
      continue;
    }
    patch[key] = value;
  }

  return { patch: patch, errors };
}
