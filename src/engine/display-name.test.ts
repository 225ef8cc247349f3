/**
 * A display name with quotes goes out as a valid quoted-string (RFC 3261 §25.1): sip.js puts
 * the name between quotes as it is, so the engine escapes it first. Checked on the request
 * sip.js builds, read back with sip.js's own header grammar.
 */
import { Grammar, type NameAddrHeader } from 'sip.js';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../core/logger.ts';
import { createUserAgent } from './user-agent.ts';

function fromHeader(displayName: string): string {
  const ua = createUserAgent({
    account: {
      server: 'wss://pbx.example.com/ws',
      sipUri: 'sip:1001@pbx.example.com',
      password: 'secret',
      displayName,
    },
    logger: createLogger('test'),
    delegate: {},
  });
  const uri = ua.configuration.uri;
  const request = ua.userAgentCore.makeOutgoingRequestMessage('REGISTER', uri, uri, uri, {});
  const line =
    request
      .toString()
      .split('\r\n')
      .find((l) => l.startsWith('From: ')) ?? '';
  return line.slice('From: '.length);
}

describe('display name in From', () => {
  it.each([
    ['Hotline "Süd"', '"Hotline \\"Süd\\"" <sip:1001@pbx.example.com>'],
    ['Back\\slash', '"Back\\\\slash" <sip:1001@pbx.example.com>'],
    ['Jörg Müller', '"Jörg Müller" <sip:1001@pbx.example.com>'],
  ])('%s is sent as a valid quoted-string', (name, expected) => {
    const header = fromHeader(name);
    expect(header.replace(/;tag=.*$/, '')).toBe(expected);
    const parsed = Grammar.parse(header, 'From') as NameAddrHeader | -1;
    expect(parsed).not.toBe(-1);
  });
});
