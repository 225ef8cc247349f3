/**
 * The browser's session description handler: sip.js's Web handler, sending its offer or
 * answer once it has the candidates it needs (ice-gathering.ts) instead of when gathering
 * completes, which in Chromium waits about 110 ms more for TCP candidates. sip.js documents
 * `iceGatheringComplete()` as the hook for such a policy; its own wait stays in place for
 * completion and for the cap.
 *
 * The microphone still opens per call, before the offer (7-20 ms of a dial here, often more
 * on real devices). A stream kept open between calls would save that, but keeps the browser's
 * recording indicator on while no call is up. Opening it alongside the offer (a transceiver
 * without a track, the track added before the SDP leaves) gained nothing here: median 34.5 ms
 * with it against 31.8 ms without, over 24 dials each on a loaded 2-core machine. So neither.
 */
import { Web, type SessionDescriptionHandlerFactory } from 'sip.js';
import {
  candidatesInSdp,
  enoughCandidates,
  hasIceServers,
  type CandidateKind,
} from './ice-gathering.ts';

/**
 * The longest a description waits for candidates. An unreachable STUN server would otherwise
 * hold every INVITE for sip.js's default 5 s; a slow TURN allocation that misses the cap still
 * joins the connectivity checks afterwards (see ice-gathering.ts).
 */
export const ICE_GATHERING_CAP_MS = 500;

export class WebHandler extends Web.SessionDescriptionHandler {
  protected override waitForIceGatheringComplete(restart = false, timeout = 0): Promise<void> {
    const waiting = super.waitForIceGatheringComplete(restart, timeout);
    const pc = this.peerConnection;
    if (!pc || (!restart && pc.iceGatheringState === 'complete')) return waiting;

    const config = this.sessionDescriptionHandlerConfiguration?.peerConnectionConfiguration;
    const servers = hasIceServers(config);
    // Without an ICE restart, what was gathered before still counts.
    const seen: CandidateKind[] = restart ? [] : candidatesInSdp(pc.localDescription?.sdp);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      if (timer !== undefined || !enoughCandidates(seen, servers)) return;
      // Host candidates of other interfaces come in the same burst: one more turn of the
      // event loop takes along those already queued.
      timer = setTimeout(() => this.iceGatheringComplete(), 0);
    };
    const onCandidate = ({ candidate }: RTCPeerConnectionIceEvent) => {
      if (candidate?.type) seen.push({ type: candidate.type, protocol: candidate.protocol ?? '' });
      check();
    };

    pc.addEventListener('icecandidate', onCandidate);
    check();
    return waiting.finally(() => {
      pc.removeEventListener('icecandidate', onCandidate);
      clearTimeout(timer);
    });
  }
}

/** The browser's handler factory: sip.js's default one, making `WebHandler`s. */
export function webHandlerFactory(): SessionDescriptionHandlerFactory {
  const media = Web.defaultMediaStreamFactory();
  return (session, options?: Web.SessionDescriptionHandlerFactoryOptions) => {
    const logger = session.userAgent.getLogger('sip.SessionDescriptionHandler');
    return new WebHandler(logger, media, {
      iceGatheringTimeout: options?.iceGatheringTimeout ?? ICE_GATHERING_CAP_MS,
      peerConnectionConfiguration: {
        ...Web.defaultPeerConnectionConfiguration(),
        ...options?.peerConnectionConfiguration,
      },
    });
  };
}
