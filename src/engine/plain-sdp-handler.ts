/**
 * A session description handler without media, for Node: the engine's tests, the `npm start`
 * demo far end and the benchmarks. It speaks plain SDP (RFC 4566) with an RTP/AVP audio
 * stream (PCMU, PCMA, telephone-event per RFC 4733), so any SIP peer such as SIPp or a PBX
 * accepts it, and it follows offer/answer (RFC 3264) closely enough for hold and resume from
 * either side, glare rollback and offerless re-INVITEs. No RTP is ever sent.
 */
import type {
  BodyAndContentType,
  SessionDescriptionHandler,
  SessionDescriptionHandlerFactory,
} from 'sip.js';
import { answerDirection, offerDirection, sdpDirection, type Direction } from './sdp-direction.ts';

const CONTENT_TYPE = 'application/sdp';

function holdOption(options: unknown): boolean {
  return typeof options === 'object' && options !== null && 'hold' in options
    ? options.hold === true
    : false;
}

export class PlainSdpHandler implements SessionDescriptionHandler {
  private readonly sessionId = String(Math.floor(Math.random() * 1e12));
  private readonly port = 10_000 + 2 * Math.floor(Math.random() * 25_000);
  private version = 0;
  private lastMedia = '';
  private closed = false;
  /** A remote offer waiting for our answer. */
  private remoteOffer: Direction | undefined;
  /** Our offer waiting for the remote answer. */
  private localOffer: Direction | undefined;
  /** The direction the far end last put in its SDP. */
  remoteDirection: Direction | undefined;
  /** Our direction as last negotiated. */
  localDirection: Direction = 'sendrecv';
  /** Mirror the Web handler's track switches, so mute and hold behave alike in both. */
  sending = true;
  receiving = true;

  close(): void {
    this.closed = true;
  }

  getDescription(options?: unknown): Promise<BodyAndContentType> {
    if (this.closed) return Promise.reject(new Error('Session description handler closed.'));
    const hold = holdOption(options);

    let direction: Direction;
    if (this.remoteOffer !== undefined) {
      direction = answerDirection(this.remoteOffer, hold);
      this.remoteOffer = undefined;
      this.localDirection = direction;
    } else {
      direction = offerDirection(hold);
      this.localOffer = direction;
    }
    return Promise.resolve({ body: this.render(direction), contentType: CONTENT_TYPE });
  }

  hasDescription(contentType: string): boolean {
    return contentType.split(';')[0]?.trim().toLowerCase() === CONTENT_TYPE;
  }

  setDescription(sdp: string): Promise<void> {
    if (this.closed) return Promise.reject(new Error('Session description handler closed.'));
    if (!/^m=audio \d+ RTP\/S?AVPF? /m.test(sdp)) {
      return Promise.reject(new Error('No RTP audio stream in the remote description.'));
    }
    const direction = sdpDirection(sdp);
    this.remoteDirection = direction;

    if (this.localOffer !== undefined) {
      this.localDirection = this.localOffer;
      this.localOffer = undefined;
    } else {
      this.remoteOffer = direction;
    }
    return Promise.resolve();
  }

  /** After a refused offer (491, 488): back to the last stable state, nothing pending. */
  rollbackDescription(): Promise<void> {
    this.localOffer = undefined;
    this.remoteOffer = undefined;
    return Promise.resolve();
  }

  /** No RTP here, so DTMF must go by SIP INFO. */
  sendDtmf(): boolean {
    return false;
  }

  enableSenderTracks(enable: boolean): void {
    this.sending = enable;
  }

  enableReceiverTracks(enable: boolean): void {
    this.receiving = enable;
  }

  private render(direction: Direction): string {
    const media = [
      `m=audio ${this.port} RTP/AVP 0 8 101`,
      'a=rtpmap:0 PCMU/8000',
      'a=rtpmap:8 PCMA/8000',
      'a=rtpmap:101 telephone-event/8000',
      'a=fmtp:101 0-16',
      'a=ptime:20',
      `a=${direction}`,
    ].join('\r\n');
    // RFC 3264 section 8: the version goes up only when the description changes.
    if (media !== this.lastMedia) {
      this.version += 1;
      this.lastMedia = media;
    }
    return [
      'v=0',
      `o=- ${this.sessionId} ${this.version} IN IP4 127.0.0.1`,
      's=-',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      media,
      '',
    ].join('\r\n');
  }
}

/** The factory to pass as `sessionDescriptionHandlerFactory` in Node. */
export function plainSdpHandlerFactory(): SessionDescriptionHandlerFactory {
  return () => new PlainSdpHandler();
}
