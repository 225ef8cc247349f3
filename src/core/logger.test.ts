import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, redact, setLogSink, type LogLevel } from './logger.ts';

describe('redact', () => {
  it('masks digest credentials in SIP headers', () => {
    const sip = 'REGISTER sip:x SIP/2.0\r\nAuthorization: Digest username="a", response="abc"\r\n';
    expect(redact(sip)).toContain('Authorization: [redacted]');
    expect(redact(sip)).not.toContain('response="abc"');
  });

  it('masks passwords in JSON-ish text', () => {
    expect(redact('{"password":"hunter2","user":"a"}')).not.toContain('hunter2');
  });

  it('keeps only the last three digits of a phone number', () => {
    expect(redact('dialling +49 30 1234567')).toBe('dialling …567');
  });
});

describe('createLogger', () => {
  const lines: [LogLevel, string, string][] = [];
  afterEach(() => {
    lines.length = 0;
    setLogSink(null);
  });

  it('tags lines and redacts numbers above debug level', () => {
    setLogSink((level, tag, message) => lines.push([level, tag, message]));
    const log = createLogger('test:tag');
    log.info('call to +4930123456789');
    log.debug('call to +4930123456789');
    expect(lines).toEqual([
      ['info', 'test:tag', 'call to …789'],
      ['debug', 'test:tag', 'call to +4930123456789'],
    ]);
  });
});
