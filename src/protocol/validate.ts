/**
 * Shape checks for every message payload, by name. The hub runs them on everything it routes,
 * because content scripts relay what a web page controls. Each check returns a reason for
 * refusing, or null.
 */
import type { MessageName } from './channel.ts';
import { checkCrmFetch } from './crm-fetch.ts';
import { checkOpenRecord } from './tab-checks.ts';

type Check = (payload: unknown) => string | null;
type Fields = Record<string, unknown>;

const CRMS = ['salesforce', 'hubspot', 'zendesk'];

// A number as people write it, or an internal extension or feature code (*97, #31#).
const PHONE = /^\+?[0-9 ()\-./*#]{1,40}$/;
const SIP_URI = /^sips?:[A-Za-z0-9._~+\-!$&'*,;=%]{1,64}@[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/;
const CALL_ID = /^[\w.\-@:~+]{1,200}$/;
const TONES = /^[0-9*#A-Da-d,]{1,32}$/;

function fields(payload: unknown): Fields | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  return payload as Fields;
}

const isNull: Check = (p) => (p === null ? null : 'expected no payload');

// A number with an extension to send after answer (src/numbers/extension.ts): E.164 from a
// page, or the digits an agent typed.
const WITH_EXTENSION = /^\+?\d{2,17};ext=\d{1,6}$/;
// A page's call link as its href holds it; the hub reads it (src/numbers/link-target.ts).
const CALL_LINK = /^(tel|callto|sips?):[^\s<>"'`\\]{1,256}$/i;

/** A dial or transfer target: a written number with a digit in it, or a SIP URI. */
export function checkDialTarget(target: unknown): string | null {
  if (typeof target !== 'string') return 'target must be text';
  if (SIP_URI.test(target)) return null;
  if (PHONE.test(target) && /\d/.test(target)) return null;
  return 'not a phone number or SIP address';
}

/** What a page may ask to dial: a dial target, a number with an extension, or a call link. */
function checkPageDialTarget(target: unknown): string | null {
  if (typeof target === 'string' && (WITH_EXTENSION.test(target) || CALL_LINK.test(target))) {
    return null;
  }
  return checkDialTarget(target);
}

function checkRecord(record: unknown): string | null {
  if (record === undefined) return null;
  const r = fields(record);
  if (!r) return 'record must be an object';
  if (typeof r.crm !== 'string' || !CRMS.includes(r.crm)) return 'unknown CRM';
  if (typeof r.type !== 'string' || r.type.length > 64) return 'bad record type';
  if (typeof r.id !== 'string' || r.id.length > 64) return 'bad record id';
  if (r.name !== undefined && (typeof r.name !== 'string' || r.name.length > 256)) {
    return 'bad record name';
  }
  if (r.url !== undefined && (typeof r.url !== 'string' || !/^https:\/\/\S{1,2040}$/.test(r.url))) {
    return 'bad record url';
  }
  return null;
}

/** A call command: `callId` plus the extra fields `extra` checks. */
function call(extra: (f: Fields) => string | null = () => null): Check {
  return (payload) => {
    const f = fields(payload);
    if (!f) return 'expected an object';
    if (typeof f.callId !== 'string' || !CALL_ID.test(f.callId)) return 'bad call id';
    return extra(f);
  };
}

const flag = (key: string) => (f: Fields) =>
  typeof f[key] === 'boolean' ? null : `${key} must be true or false`;

const object: Check = (p) => (fields(p) ? null : 'expected an object');

const withPatch: Check = (p) => (fields(fields(p)?.patch) ? null : 'patch must be an object');

export const payloadChecks: { [K in MessageName]: Check } = {
  'phone.snapshot': isNull,
  'phone.dial': (p) => {
    const f = fields(p);
    if (!f) return 'expected an object';
    return checkPageDialTarget(f.target) ?? checkRecord(f.record);
  },
  'call.answer': call(),
  'call.decline': call((f) =>
    f.code === undefined || f.code === 486 || f.code === 603 ? null : 'code must be 486 or 603',
  ),
  'call.hangup': call(),
  'call.mute': call(flag('muted')),
  'call.hold': call(flag('held')),
  'call.dtmf': call((f) =>
    typeof f.tones === 'string' && TONES.test(f.tones) ? null : 'bad tones',
  ),
  'call.transfer': call((f) => checkDialTarget(f.target)),
  'phone.changed': (p) => (fields(fields(p)?.snapshot) ? null : 'snapshot must be an object'),
  'history.missed': isNull,
  'history.clearMissed': isNull,
  'media.granted': isNull,
  'media.openOnboarding': isNull,
  'settings.get': isNull,
  'settings.save': withPatch,
  'account.test': withPatch,
  'media.check': isNull,
  'engine.ready': isNull,
  'engine.hello': isNull,
  'engine.configure': object,
  'engine.testAccount': object,
  'page.config': (p) => {
    const crm = fields(p)?.crm;
    return crm === null || (typeof crm === 'string' && CRMS.includes(crm)) ? null : 'unknown CRM';
  },
  'caller.card': (p) => (fields(fields(p)?.card) ? null : 'card must be an object'),
  'caller.get': call(),
  'caller.pick': call((f) => (f.ref === undefined ? 'ref is required' : checkRecord(f.ref))),
  'crm.status': isNull,
  'crm.fetch': checkCrmFetch,
  'crm.openRecord': checkOpenRecord,
};

export function checkPayload(name: string, payload: unknown): string | null {
  if (!Object.hasOwn(payloadChecks, name)) return `unknown message ${name}`;
  return payloadChecks[name as MessageName](payload);
}
