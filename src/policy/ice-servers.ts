/**
 * ICE server entries from policy. URIs follow RFC 7064 (stun:, stuns:) and RFC 7065 (turn:,
 * turns:, optional `?transport=udp|tcp`). A TURN entry without username and credential is
 * refused here: RTCPeerConnection would throw on it and no call could start at all.
 */
import type { IceServer } from '../settings/settings.ts';
import { checkHostName, type Check } from './validators.ts';

const ICE_URI =
  /^(stuns?|turns?):(\[[0-9a-f:.]+\]|[^\s:/?#[\]]+)(?::(\d{1,5}))?(?:\?transport=(udp|tcp))?$/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function checkIceUri(input: string): Check<string> {
  const text = input.trim();
  const match = ICE_URI.exec(text);
  if (!match) return { ok: false, reason: 'invalidIceUrl' };

  const [, scheme = '', host = '', port, transport] = match;
  const stun = scheme.toLowerCase().startsWith('stun');
  const badHost = !host.startsWith('[') && !IPV4.test(host) && !checkHostName(host).ok;
  const badPort = port !== undefined && (Number(port) < 1 || Number(port) > 65535);
  if (badHost || badPort || (stun && transport)) return { ok: false, reason: 'invalidIceUrl' };
  return { ok: true, value: text };
}

function stringField(entry: Record<string, unknown>, name: string): string | undefined {
  const value = entry[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function checkIceServer(raw: unknown): Check<IceServer> {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'wrongType' };

  const entry = raw as Record<string, unknown>;
  const urls = typeof entry.urls === 'string' ? [entry.urls] : entry.urls;
  if (!Array.isArray(urls)) return { ok: false, reason: 'wrongType' };
  if (urls.length === 0) return { ok: false, reason: 'empty' };

  const checked: string[] = [];
  for (const url of urls) {
    const result = typeof url === 'string' ? checkIceUri(url) : undefined;
    if (!result?.ok) return { ok: false, reason: 'invalidIceUrl' };
    checked.push(result.value);
  }

  const username = stringField(entry, 'username');
  const credential = stringField(entry, 'credential');
  const turn = checked.some((u) => /^turns?:/i.test(u));
  if (turn && (!username || !credential)) return { ok: false, reason: 'turnNeedsCredentials' };

  const server: IceServer = { urls: checked };
  if (username) server.username = username;
  if (credential) server.credential = credential;
  return { ok: true, value: server };
}
