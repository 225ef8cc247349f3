/**
 * Who is on the other end, from untrusted header values (From, To, P-Asserted-Identity).
 * Everything here is plain text for the views to render as text, never as markup (case C28).
 */

/** Longest display name kept; longer ones are cut (a far end can send kilobytes). */
export const MAX_DISPLAY_NAME = 200;

const CONTROL = /[\p{Cc}\p{Cf}]+/gu;

/** A display name safe to show as text: no control characters, trimmed, bounded. */
export function cleanDisplayName(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const text = raw.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  const chars = Array.from(text);
  if (chars.length <= MAX_DISPLAY_NAME) return text;
  return chars.slice(0, MAX_DISPLAY_NAME - 1).join('') + '…';
}

function decode(user: string): string {
  try {
    return decodeURIComponent(user);
  } catch {
    return user;
  }
}

/**
 * The number to show and look up: the user part without visual separators when it is a
 * telephone number, else the user part as it is (or the host for a user-less URI).
 */
export function remoteNumberOf(user: string | undefined, host: string): string {
  if (!user) return host.slice(0, 100);
  const decoded = decode(user).replace(CONTROL, '');
  if (/^\+?\d[\d\s\-.()/]*$/.test(decoded)) return decoded.replace(/[^\d+]/g, '');
  return decoded.slice(0, 100);
}

/** The shape of sip.js's NameAddrHeader that matters here. */
export interface NameAddr {
  displayName: string;
  uri: { user?: string | undefined; host: string };
}

export function identityOf(address: NameAddr): { remoteNumber: string; remoteName?: string } {
  const remoteNumber = remoteNumberOf(address.uri.user, address.uri.host);
  const remoteName = cleanDisplayName(address.displayName);
  return remoteName === undefined ? { remoteNumber } : { remoteNumber, remoteName };
}
