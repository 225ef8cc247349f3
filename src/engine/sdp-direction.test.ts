import { describe, expect, it } from 'vitest';
import { answerDirection, isRemoteHold, sdpDirection } from './sdp-direction.ts';

const sdp = (...lines: string[]) => ['v=0', 'o=- 1 1 IN IP4 1.2.3.4', 's=-', ...lines].join('\r\n');

describe('sdpDirection', () => {
  it('reads the audio stream, then the session level, else sendrecv', () => {
    expect(sdpDirection(sdp('m=audio 1 RTP/AVP 0', 'a=sendonly'))).toBe('sendonly');
    expect(sdpDirection(sdp('a=inactive', 'm=audio 1 RTP/AVP 0'))).toBe('inactive');
    expect(sdpDirection(sdp('a=inactive', 'm=audio 1 RTP/AVP 0', 'a=recvonly'))).toBe('recvonly');
    expect(sdpDirection(sdp('m=audio 1 RTP/AVP 0'))).toBe('sendrecv');
    expect(sdpDirection(sdp('m=video 1 RTP/AVP 96', 'a=sendonly', 'm=audio 2 RTP/AVP 0'))).toBe(
      'sendrecv',
    );
  });

  it('is undefined without SDP (an offerless INVITE)', () => {
    expect(sdpDirection('')).toBeUndefined();
    expect(sdpDirection(undefined)).toBeUndefined();
  });
});

describe('answerDirection (RFC 3264 6.1)', () => {
  it.each([
    ['sendrecv', false, 'sendrecv'],
    ['sendonly', false, 'recvonly'],
    ['recvonly', false, 'sendonly'],
    ['inactive', false, 'inactive'],
    ['sendrecv', true, 'sendonly'],
    ['sendonly', true, 'inactive'],
  ] as const)('answers %s (our hold %s) with %s', (offered, hold, answer) => {
    expect(answerDirection(offered, hold)).toBe(answer);
  });

  it('calls sendonly and inactive a remote hold', () => {
    expect([isRemoteHold('sendonly'), isRemoteHold('inactive')]).toEqual([true, true]);
    expect([isRemoteHold('sendrecv'), isRemoteHold('recvonly')]).toEqual([false, false]);
  });
});
