/**
 * A first check of what the agent typed before it goes to the hub, which normalises and applies
 * dial rules (src/numbers). Accepts phone numbers written with the usual separators and their
 * look-alikes (no-break spaces, dashes, full-width digits), a pasted `tel:` or `callto:` link,
 * an extension after the number (`ext. 12`, `x12`: sent as `;ext=` for DTMF after answer) or a
 * direct-dial word (`Durchwahl 12`: part of the number), short codes with `*` and `#`, and
 * `sip:`/`sips:` URIs; everything else gets a message, never a call.
 */
import { SUFFIX_TEXT, withDirectDial } from '../numbers/extension.ts';
import { CC_WITH_TRUNK, normalizeText } from '../numbers/normalize.ts';

export type DialCheck =
  | { ok: true; target: string }
  | { ok: false; reason: 'empty' | 'characters' | 'plus' | 'uri' | 'length' };

const SEPARATORS = /[\s\-./()\u200b]/g;
const URI = /^sips?:[^\s@<>"]+@[a-z0-9.\-[\]:]+$/i;
const LINK = /^(?:tel|callto):(?:\/\/)?/i;
const SUFFIX = new RegExp(`${SUFFIX_TEXT}$`, 'i');
const MAX_DIGITS = 32;
/** Two letters at least: a lone `x 12` is no label. */
const LABEL = /^\p{L}[\p{L}.-]+(?: \p{L}[\p{L}.-]*)?:?\s+(?=[+(\d])/u;
const PAUSE = /\s*[,;]\s*(\d{1,6})$/;

export function checkDialTarget(input: string): DialCheck {
  let raw = normalizeText(input).trim();
  if (raw === '') return { ok: false, reason: 'empty' };

  if (/^sips?:/i.test(raw)) {
    return URI.test(raw) ? { ok: true, target: raw } : { ok: false, reason: 'uri' };
  }
  if (LINK.test(raw)) raw = decoded(raw.replace(LINK, '')).split(';')[0] ?? '';
  // A label copied with the number: `Tel.: 030 …`, `Mobil 0171 …`.
  raw = raw.replace(LABEL, '');

  // `030 1234567,12`: a phone's pause before tones, the extension's digits.
  const pause = PAUSE.exec(raw);
  const suffix = pause ?? SUFFIX.exec(raw);
  const [, word = 'x', digits = ''] = pause ? [pause[0], 'x', pause[1]] : (suffix ?? []);
  // A direct-dial word names the rest of the number; any other word an extension.
  const direct = digits !== '' && /^d/i.test(word);
  // `49 (0)30 …`: the bracketed trunk goes before the brackets do, or 490 30 … is left.
  const number = (suffix ? raw.slice(0, suffix.index).trim() : raw).replace(CC_WITH_TRUNK, '+$2 ');
  const compact = (direct ? withDirectDial(number, digits) : number).replace(SEPARATORS, '');
  if (!/^\+?[0-9*#]+$/.test(compact)) {
    return { ok: false, reason: compact.slice(1).includes('+') ? 'plus' : 'characters' };
  }
  if (compact.length > MAX_DIGITS) return { ok: false, reason: 'length' };
  if (!digits || direct) return { ok: true, target: compact };
  return { ok: true, target: `${compact};ext=${digits}` };
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The keys a phone keypad has, in its layout order. */
export const KEYPAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
export type KeypadKey = (typeof KEYPAD_KEYS)[number];

export function isKeypadKey(key: string): key is KeypadKey {
  return (KEYPAD_KEYS as readonly string[]).includes(key);
}
