/**
 * What `dial` accepts: a telephone number (E.164 or what the PBX expects, feature codes such
 * as `*97` included) or a SIP URI. Anything else is refused; the string may come from a page.
 */
import { EngineError } from './errors.ts';

export interface DialTarget {
  uri: string;
  /** What the call list shows: the number, or the URI's user part. */
  remoteNumber: string;
}

const NUMBER = /^\+?[0-9*#]{1,32}$/;
const SIP_TARGET =
  /^sips?:([A-Za-z0-9\-_.!~*'()&=+$,;?/%]+)@([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;

export function dialTarget(target: string, domain: string): DialTarget {
  const text = target.trim();
  const sip = SIP_TARGET.exec(text);
  if (sip?.[1]) return { uri: text, remoteNumber: sip[1] };

  // Visual separators people paste along with numbers.
  const digits = text.replace(/[\s\-.()/]/g, '');
  if (NUMBER.test(digits))
    return { uri: `sip:${digits.replace(/#/g, '%23')}@${domain}`, remoteNumber: digits };
  throw new EngineError('invalid-target', 'Not a telephone number or SIP URI.');
}
