/**
 * What a `tel:`, `callto:` or `sip:` link, a selection or a phone field's value asks to dial,
 * as a dial target (extension.ts): E.164 with an optional `;ext=`, digits for an internal
 * number, or a bare `sip:user@host` URI. Everything here comes from the page and is untrusted:
 * anything that does not reduce to one of those shapes gives null.
 */
import { withExtension } from './extension.ts';
import { normalizeText } from './normalize.ts';
import { parseSegment } from './parse-segment.ts';
import type { CountryCode } from './phone-lib.ts';

const SCHEME = /^(tel|callto|sips?):(?:\/\/)?/i;
const SIP_URI = /^([A-Za-z0-9._~!$&'()*+=%-]{1,64})@([A-Za-z0-9.-]{1,253}(?::\d{1,5})?)$/;
const INTERNAL = /^[0-9*#]{3,6}$/;

/** The dial target of a link's href; null when it is not one the softphone can dial. */
export function linkTarget(href: string, country: CountryCode): string | null {
  const scheme = SCHEME.exec(href.trim());
  if (!scheme) return null;
  const rest = safeDecode(href.trim().slice(scheme[0].length));
  if (rest === null) return null;

  if (scheme[1]?.toLowerCase().startsWith('sip')) {
    const [address = ''] = rest.split(/[;?]/);
    const user = address.split('@')[0] ?? '';
    const asNumber = /^\+?[\d\s().-]+$/.test(user) ? valueTarget(user, country) : null;
    if (asNumber) return asNumber;
    const m = SIP_URI.exec(address);
    return m ? `sip:${m[1]}@${m[2]}` : null;
  }
  const [number = '', ...params] = rest.split(';');
  const ext = params.find((p) => p.toLowerCase().startsWith('ext='))?.slice(4);
  const target = valueTarget(number, country);
  if (!target || !ext) return target;
  return /^\d{1,6}$/.test(ext) && target.startsWith('+') ? withExtension(target, ext) : null;
}

/**
 * A number someone meant as one (a selection, a phone field): any possible number for the
 * default country, or a short internal number, as a dial target.
 */
export function valueTarget(value: string, country: CountryCode): string | null {
  const text = normalizeText(value).replace(/[\u200b\s()./-]/g, '');
  if (INTERNAL.test(text)) return text;
  if (!/^\+?\d{3,17}$/.test(text)) return null;
  const parsed = parseSegment(normalizeText(value).trim(), country);
  return parsed?.valid || parsed?.possible() ? parsed.e164 : null;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
