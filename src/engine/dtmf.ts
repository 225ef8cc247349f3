/**
 * DTMF both ways. Sending prefers RFC 4733 telephone-events through the media path (the Web
 * handler's RTCDTMFSender); when the handler cannot (no RTP, or no telephone-event
 * negotiated) each tone goes as a SIP INFO with `application/dtmf-relay`, the de-facto format
 * Asterisk, FreeSWITCH and Kamailio-fronted PBXs understand. Received INFOs are parsed in
 * both that format and `application/dtmf`.
 */
import type { Session } from 'sip.js';
import { EngineError } from './errors.ts';

const TONES = /^[0-9A-D*#]{1,64}$/;
const TONE_MS = 160;

export function checkTones(tones: string): string {
  const upper = tones.toUpperCase();
  if (!TONES.test(upper)) throw new EngineError('invalid-tones', 'DTMF accepts 0-9, *, #, A-D.');
  return upper;
}

export function dtmfRelayBody(tone: string, durationMs = TONE_MS): string {
  return `Signal=${tone}\r\nDuration=${durationMs}\r\n`;
}

/** The tone an INFO carries, or undefined when it is not DTMF. */
export function parseDtmfInfo(contentType: string | undefined, body: string): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  let tone: string | undefined;
  if (type === 'application/dtmf-relay') tone = /^\s*Signal\s*=\s*(\S)/im.exec(body)?.[1];
  else if (type === 'application/dtmf') tone = body.trim().charAt(0);
  const upper = tone?.toUpperCase();
  return upper && TONES.test(upper) ? upper : undefined;
}

function sendInfo(session: Session, tone: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const body = {
      contentDisposition: 'render',
      contentType: 'application/dtmf-relay',
      content: dtmfRelayBody(tone),
    };
    session
      .info({
        requestOptions: { body },
        requestDelegate: {
          onAccept: () => resolve(),
          onReject: (response) => {
            const { statusCode, reasonPhrase } = response.message;
            reject(new Error(`INFO refused: ${statusCode ?? 0} ${reasonPhrase ?? ''}`));
          },
        },
      })
      .catch(reject);
  });
}

/** Sends the tones; resolves once the media path took them or every INFO was answered. */
export async function sendDtmf(session: Session, tones: string): Promise<'rtp' | 'info'> {
  const checked = checkTones(tones);
  const handler = session.sessionDescriptionHandler;
  if (handler?.sendDtmf(checked, { duration: TONE_MS })) return 'rtp';

  for (const tone of checked) await sendInfo(session, tone);
  return 'info';
}
