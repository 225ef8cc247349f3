import { describe, expect, it } from 'vitest';
import { candidatesInSdp, enoughCandidates, hasIceServers } from './ice-gathering.ts';

const hostUdp = { type: 'host', protocol: 'udp' };
const hostTcp = { type: 'host', protocol: 'tcp' };
const srflx = { type: 'srflx', protocol: 'udp' };
const relay = { type: 'relay', protocol: 'udp' };

describe('enoughCandidates', () => {
  it('needs a host UDP candidate; TCP alone is not enough', () => {
    expect(enoughCandidates([], false)).toBe(false);
    expect(enoughCandidates([hostTcp], false)).toBe(false);
    expect(enoughCandidates([hostUdp], false)).toBe(true);
  });

  it('with STUN or TURN configured, also one candidate from a server', () => {
    expect(enoughCandidates([hostUdp, hostTcp], true)).toBe(false);
    expect(enoughCandidates([hostUdp, srflx], true)).toBe(true);
    expect(enoughCandidates([relay, hostUdp], true)).toBe(true);
    expect(enoughCandidates([relay], true)).toBe(false);
  });
});

describe('candidatesInSdp', () => {
  it('reads type and transport of each candidate line', () => {
    const sdp = [
      'v=0',
      'm=audio 9 UDP/TLS/RTP/SAVPF 111',
      'a=candidate:1 1 udp 2122260223 192.0.2.2 50000 typ host generation 0',
      'a=candidate:2 1 TCP 1518280447 192.0.2.2 9 typ host tcptype active',
      'a=candidate:3 1 udp 1686052607 203.0.113.9 61000 typ srflx raddr 192.0.2.2 rport 50000',
      'a=sendrecv',
      '',
    ].join('\r\n');
    expect(candidatesInSdp(sdp)).toEqual([hostUdp, hostTcp, srflx]);
    expect(candidatesInSdp(undefined)).toEqual([]);
  });
});

describe('hasIceServers', () => {
  it('counts only servers with a URL', () => {
    expect(hasIceServers(undefined)).toBe(false);
    expect(hasIceServers({ iceServers: [] })).toBe(false);
    expect(hasIceServers({ iceServers: [{ urls: [] }] })).toBe(false);
    expect(hasIceServers({ iceServers: [{ urls: 'stun:stun.example.com' }] })).toBe(true);
    expect(hasIceServers({ iceServers: [{ urls: ['turn:turn.example.com'] }] })).toBe(true);
  });
});
