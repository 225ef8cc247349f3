/**
 * A first check of what the agent typed before it goes to the hub, which normalises and applies
 * dial rules (src/numbers). Accepts phone numbers written with the usual separators, short
 * codes with `*` and `#`, and `sip:`/`sips:` URIs; everything else gets a message, never a call.
 */
export type DialCheck =
  | { ok: true; target: string }
  | { ok: false; reason: 'empty' | 'characters' | 'plus' | 'uri' | 'length' };

const SEPARATORS = /[\s\-./()]/g;
const URI = /^sips?:[^\s@<>"]+@[a-z0-9.\-[\]:]+$/i;
const MAX_DIGITS = 32;

export function checkDialTarget(input: string): DialCheck {
  const raw = input.trim();
  if (raw === '') return { ok: false, reason: 'empty' };

  if (/^sips?:/i.test(raw)) {
    return URI.test(raw) ? { ok: true, target: raw } : { ok: false, reason: 'uri' };
  }

  const compact = raw.replace(SEPARATORS, '');
  if (!/^\+?[0-9*#]+$/.test(compact)) {
    return { ok: false, reason: compact.slice(1).includes('+') ? 'plus' : 'characters' };
  }
  if (compact.length > MAX_DIGITS) return { ok: false, reason: 'length' };
  return { ok: true, target: compact };
}

/** The keys a phone keypad has, in its layout order. */
export const KEYPAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
export type KeypadKey = (typeof KEYPAD_KEYS)[number];

export function isKeypadKey(key: string): key is KeypadKey {
  return (KEYPAD_KEYS as readonly string[]).includes(key);
}
