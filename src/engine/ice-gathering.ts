/**
 * When an offer or answer has the candidates it needs. sip.js sends no SDP before ICE
 * gathering completes (no trickle ICE over SIP), and in Chromium completion waits for the TCP
 * host candidates, about 110 ms after the UDP ones. A PBX takes WebRTC media over UDP, so:
 *
 * - enough once a host UDP candidate is in and, where STUN or TURN servers are configured,
 *   a server-reflexive or relay candidate too;
 * - else at completion, or at the caller's cap.
 *
 * Candidates that arrive after the SDP left are not lost: our ICE agent still pairs them with
 * the far end's candidates and checks them, and the far end learns them as peer-reflexive
 * (RFC 8445 section 7.3.1.3). So stopping early costs no connectivity the offer needs.
 */
export interface CandidateKind {
  type: string;
  protocol: string;
}

export function enoughCandidates(seen: CandidateKind[], serversConfigured: boolean): boolean {
  const hostUdp = seen.some((c) => c.type === 'host' && c.protocol === 'udp');
  const fromServer = seen.some((c) => c.type === 'srflx' || c.type === 'relay');
  return hostUdp && (!serversConfigured || fromServer);
}

/** The kinds of the `a=candidate` lines of an SDP (RFC 8839 section 5.1). */
export function candidatesInSdp(sdp: string | undefined): CandidateKind[] {
  const found: CandidateKind[] = [];
  for (const match of (sdp ?? '').matchAll(/^a=candidate:\S+ \d+ (\S+) .*? typ (\S+)/gm)) {
    const [, protocol = '', type = ''] = match;
    found.push({ type, protocol: protocol.toLowerCase() });
  }
  return found;
}

/** Whether the configuration names any STUN or TURN server. */
export function hasIceServers(config: RTCConfiguration | undefined): boolean {
  return (config?.iceServers ?? []).some((server) =>
    (Array.isArray(server.urls) ? server.urls : [server.urls]).some((url) => url.length > 0),
  );
}
