import { describe, expect, it } from 'vitest';
import { PlainSdpHandler } from './plain-sdp-handler.ts';
import { sdpDirection } from './sdp-direction.ts';

const remote = (direction: string, port = 4000) =>
  [
    'v=0',
    'o=- 1 1 IN IP4 10.0.0.1',
    's=-',
    'c=IN IP4 10.0.0.1',
    't=0 0',
    `m=audio ${port} RTP/AVP 0`,
    'a=rtpmap:0 PCMU/8000',
    `a=${direction}`,
    '',
  ].join('\r\n');

describe('PlainSdpHandler', () => {
  it('offers plain RTP/AVP audio with telephone-event and a direction', async () => {
    const handler = new PlainSdpHandler();
    const { body, contentType } = await handler.getDescription();
    expect(contentType).toBe('application/sdp');
    expect(body).toMatch(/^v=0\r\no=- \d+ 1 IN IP4 127\.0\.0\.1\r\n/);
    expect(body).toMatch(/^m=audio \d+ RTP\/AVP 0 8 101$/m);
    expect(body).toContain('a=rtpmap:101 telephone-event/8000');
    expect(sdpDirection(body)).toBe('sendrecv');
  });

  it('answers a remote offer, mirroring its hold', async () => {
    const handler = new PlainSdpHandler();
    await handler.setDescription(remote('sendonly'));
    const answer = await handler.getDescription();
    expect(sdpDirection(answer.body)).toBe('recvonly');
    expect(handler.remoteDirection).toBe('sendonly');
  });

  it('offers sendonly to hold and takes the next description as the answer', async () => {
    const handler = new PlainSdpHandler();
    await handler.getDescription();
    await handler.setDescription(remote('sendrecv'));
    const hold = await handler.getDescription({ hold: true });
    expect(sdpDirection(hold.body)).toBe('sendonly');
    await handler.setDescription(remote('recvonly'));
    expect(handler.localDirection).toBe('sendonly');
  });

  it('answers inactive when both ends hold', async () => {
    const handler = new PlainSdpHandler();
    await handler.setDescription(remote('sendonly'));
    const answer = await handler.getDescription({ hold: true });
    expect(sdpDirection(answer.body)).toBe('inactive');
  });

  it('makes an offer for an offerless re-INVITE and takes the ACK as the answer', async () => {
    const handler = new PlainSdpHandler();
    await handler.setDescription(remote('sendrecv'));
    await handler.getDescription();
    const offer = await handler.getDescription();
    expect(sdpDirection(offer.body)).toBe('sendrecv');
    await handler.setDescription(remote('sendrecv'));
    await handler.setDescription(remote('sendonly'));
    expect(sdpDirection((await handler.getDescription()).body)).toBe('recvonly');
  });

  it('keeps the o= version if unchanged, raises it on change (RFC 3264 8)', async () => {
    const handler = new PlainSdpHandler();
    const version = (body: string) => /^o=- \d+ (\d+) /m.exec(body)?.[1];
    const first = await handler.getDescription();
    await handler.setDescription(remote('sendrecv'));
    await handler.setDescription(remote('sendrecv'));
    const same = await handler.getDescription();
    expect(version(same.body)).toBe(version(first.body));
    const held = await handler.getDescription({ hold: true });
    expect(Number(version(held.body))).toBe(Number(version(first.body)) + 1);
  });

  it('rolls back a refused offer so the next remote offer is answered (C04 glare)', async () => {
    const handler = new PlainSdpHandler();
    await handler.getDescription();
    await handler.setDescription(remote('sendrecv'));
    await handler.getDescription({ hold: true });
    await handler.rollbackDescription();
    await handler.setDescription(remote('sendonly'));
    expect(sdpDirection((await handler.getDescription()).body)).toBe('recvonly');
  });

  it('refuses a description without an RTP audio stream, and everything once closed', async () => {
    const handler = new PlainSdpHandler();
    await expect(handler.setDescription('v=0\r\nm=video 1 RTP/AVP 96\r\n')).rejects.toThrow();
    handler.close();
    await expect(handler.getDescription()).rejects.toThrow(/closed/);
  });

  it('cannot send RTP DTMF, so the engine falls back to SIP INFO', () => {
    expect(new PlainSdpHandler().sendDtmf()).toBe(false);
  });
});
