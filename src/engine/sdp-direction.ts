/**
 * Media direction in SDP (RFC 3264 section 5.1 and 8.4): reading it, and answering it.
 * Hold is signalled by direction alone (RFC 3264 section 8.4), so these few rules are enough
 * for hold and resume from either side.
 */
export type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

const DIRECTIONS: readonly string[] = ['sendrecv', 'sendonly', 'recvonly', 'inactive'];

/**
 * The direction of the first audio stream: its media-level attribute, else the session-level
 * one, else sendrecv. Undefined when there is no SDP at all.
 */
export function sdpDirection(sdp: string | undefined): Direction | undefined {
  if (!sdp?.includes('v=0')) return undefined;
  let session: Direction | undefined;
  let media: Direction | undefined;
  let inAudio = false;
  let seenMedia = false;
  for (const line of sdp.split(/\r?\n/)) {
    if (line.startsWith('m=')) {
      if (seenMedia && inAudio) break;
      seenMedia = true;
      inAudio = line.startsWith('m=audio');
      continue;
    }
    const name = line.startsWith('a=') ? line.slice(2).trim() : '';
    if (!DIRECTIONS.includes(name)) continue;
    if (!seenMedia) session = name as Direction;
    else if (inAudio) media = name as Direction;
  }
  return media ?? session ?? 'sendrecv';
}

/** The far end does not want to receive: it has put us on hold. */
export function isRemoteHold(remote: Direction | undefined): boolean {
  return remote === 'sendonly' || remote === 'inactive';
}

/** What we offer: while holding we only send (music on hold), else both ways. */
export function offerDirection(hold: boolean): Direction {
  return hold ? 'sendonly' : 'sendrecv';
}

/** The answer to an offered direction, given our own hold: the intersection of both wishes. */
export function answerDirection(offered: Direction, hold: boolean): Direction {
  const remoteSends = offered === 'sendrecv' || offered === 'sendonly';
  const remoteReceives = offered === 'sendrecv' || offered === 'recvonly';
  const weReceive = remoteSends && !hold;
  const weSend = remoteReceives;
  if (weSend && weReceive) return 'sendrecv';
  if (weSend) return 'sendonly';
  if (weReceive) return 'recvonly';
  return 'inactive';
}
