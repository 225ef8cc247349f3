/**
 * ICE server entries. URIs follow RFC 7064 (stun:, stuns:) and RFC 7065 (turn:, turns:,
 * optional `?transport=udp|tcp`). A TURN entry without username and credential is refused:
 * RTCPeerConnection would throw on it and no call could start at all.
 */
import type { IceServer } from '../settings.ts';
import { checkHost, isPort } from './host.ts';
import { fail, ok, type Checked } from './problem.ts';

const ICE_URI = /^(stuns?|turns?):(\[[0-9a-f:.]+\]|[^\s:/?#[\]]+)(?::([^?]*))?(?:\?(.*))?$/i;

/** One address; a refusal names the part at fault (scheme, host, port or transport). */
export function checkIceUri(input: string): Checked<string> {
  const text = input.trim();
  // `stun://host` reads like a web address, but ICE URIs have no `//` (RFC 7064).
  if (/^(stuns?|turns?):\/\//i.test(text)) return fail('iceSlashes', text);
  const [, scheme = '', host = '', port, query] = ICE_URI.exec(text) ?? [];
  if (scheme === '') return fail('invalidIceUrl');
  if (!checkHost(host).ok) return fail('invalidHost', host);
  if (port !== undefined && !isPort(port)) return fail('invalidPort', port);

  const stun = scheme.toLowerCase().startsWith('stun');
  if (query !== undefined && (stun || !/^transport=(udp|tcp)$/i.test(query))) {
    return fail('iceTransport', text);
  }
  return ok(text);
}

const stringField = (entry: Record<string, unknown>, name: string): string | undefined => {
  const value = entry[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** One entry of `iceServers`; `urls` may be one string or a list, as RTCIceServer has it. */
export function checkIceServer(raw: unknown): Checked<IceServer> {
  const entry = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const urls = typeof entry.urls === 'string' ? [entry.urls] : entry.urls;
  if (!Array.isArray(urls) || urls.length === 0) return fail('invalidIceUrl');

  const checked: string[] = [];
  for (const url of urls as unknown[]) {
    const result = typeof url === 'string' ? checkIceUri(url) : fail<string>('invalidIceUrl');
    if (!result.ok) return result;
    checked.push(result.value);
  }

  const username = stringField(entry, 'username');
  const credential = stringField(entry, 'credential');
  const turn = checked.some((u) => /^turns?:/i.test(u));
  if (turn && (!username || !credential)) return fail('turnNeedsCredentials');

  const server: IceServer = { urls: checked };
  if (username) server.username = username;
  if (credential) server.credential = credential;
  return ok(server);
}
