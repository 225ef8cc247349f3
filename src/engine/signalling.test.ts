import { describe, expect, it } from 'vitest';
import { CallList, endedBeyond } from './call-list.ts';
import { newCall } from './call-machine.ts';
import { checkTones, dtmfRelayBody, parseDtmfInfo } from './dtmf.ts';
import { causeForStatus, mediaProblem, statusDetail } from './end-cause.ts';
import { scrubSipLog } from './sip-log.ts';
import { parseSipfrag, progressOfSipfrag } from './transfer.ts';

describe('end causes', () => {
  it.each([
    [486, 'busy'],
    [600, 'busy'],
    [404, 'not-found'],
    [604, 'not-found'],
    [484, 'not-found'],
    [408, 'no-answer'],
    [480, 'no-answer'],
    [603, 'declined'],
    [500, 'failed'],
    [488, 'failed'],
  ] as const)('%i ends as %s', (code, cause) => {
    expect(causeForStatus(code)).toBe(cause);
  });

  it('keeps code and reason as detail', () => {
    expect(statusDetail(486, 'Busy Here')).toBe('486 Busy Here');
    expect(statusDetail(503, undefined)).toBe('503 No reason given');
  });

  it('recognises getUserMedia errors', () => {
    expect(mediaProblem(new DOMException('x', 'NotAllowedError'))).toBe('blocked');
    expect(mediaProblem(new DOMException('x', 'NotFoundError'))).toBe('missing');
    expect(mediaProblem(new Error('other'))).toBeUndefined();
  });
});

describe('DTMF', () => {
  it('writes and reads application/dtmf-relay', () => {
    expect(dtmfRelayBody('5')).toBe('Signal=5\r\nDuration=160\r\n');
    expect(parseDtmfInfo('application/dtmf-relay', 'Signal=#\r\nDuration=160\r\n')).toBe('#');
    expect(parseDtmfInfo('application/dtmf', '7')).toBe('7');
    expect(parseDtmfInfo('text/plain', 'Signal=1')).toBeUndefined();
    expect(parseDtmfInfo('application/dtmf-relay', 'Signal=<')).toBeUndefined();
  });

  it('accepts 0-9 * # A-D only', () => {
    expect(checkTones('12ab*#')).toBe('12AB*#');
    expect(() => checkTones('1,2')).toThrow();
    expect(() => checkTones('')).toThrow();
  });
});

describe('transfer NOTIFY bodies (RFC 3420 sipfrag)', () => {
  it('reads the status line and maps it to the transfer state', () => {
    expect(parseSipfrag('SIP/2.0 180 Ringing\r\n')).toEqual({ code: 180, reason: 'Ringing' });
    expect(progressOfSipfrag('SIP/2.0 100 Trying')).toEqual({
      state: 'accepted',
      detail: '100 Trying',
    });
    expect(progressOfSipfrag('SIP/2.0 200 OK')?.state).toBe('succeeded');
    expect(progressOfSipfrag('SIP/2.0 486 Busy Here')).toEqual({
      state: 'failed',
      detail: '486 Busy Here',
    });
    expect(progressOfSipfrag('garbage')).toBeUndefined();
  });
});

describe('the published call list', () => {
  it('keeps live calls and the five most recently ended ones', () => {
    const calls = Array.from({ length: 8 }, (_, i) => ({
      ...newCall({ id: `c${i}`, direction: 'inbound', remoteNumber: '1', at: i }),
      state: 'ended' as const,
      endedAt: 100 + i,
    }));
    expect(endedBeyond(calls)).toEqual(['c2', 'c1', 'c0']);
    expect(
      endedBeyond([newCall({ id: 'live', direction: 'outbound', remoteNumber: '1', at: 0 })]),
    ).toEqual([]);
    expect(new CallList().snapshots()).toEqual([]);
  });
});

describe('sip.js log scrubbing', () => {
  it('drops authorization headers and digest parameters', () => {
    const line = 'REGISTER sip:x SIP/2.0\r\nAuthorization: Digest username="u", response="abc"\r\n';
    const scrubbed = scrubSipLog(line);
    expect(scrubbed).not.toContain('response="abc"');
    expect(scrubSipLog('Proxy-Authorization: Digest nonce="n"')).not.toContain('nonce');
  });
});
