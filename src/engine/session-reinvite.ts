/**
 * One re-INVITE attempt on an established session, as a promise of its final response.
 * sip.js builds the offer before it checks whether another INVITE transaction is running, and
 * then leaves that offer pending; so the dialog is checked first, and a refused attempt rolls
 * the handler back so the next remote offer is answered, not mistaken for an answer.
 */
import { Core, SessionState, type Session, type Web } from 'sip.js';
import { LOCAL_PENDING, parseRetryAfter, type ReinviteResult } from './reinvite-retry.ts';

const { SessionState: DialogState, SignalingState } = Core;

export interface ReinviteRequest {
  hold: boolean;
  iceRestart: boolean;
  /** Options every offer and answer carries (microphone constraints). */
  media: Web.SessionDescriptionHandlerOptions;
}

/** Set before each attempt and after it, since sip.js answers remote re-INVITEs with them. */
function setOptions(session: Session, media: Web.SessionDescriptionHandlerOptions, hold: boolean) {
  const options: Web.SessionDescriptionHandlerOptions = { ...media, hold };
  session.sessionDescriptionHandlerOptionsReInvite = options;
}

export function reinviteSession(
  session: Session,
  request: ReinviteRequest,
  /** Our hold as it stands if this attempt fails. */
  heldBefore: boolean,
  onAnswer: (sdp: string) => void,
): Promise<ReinviteResult> {
  // The dialog behind an api Session is always a SessionDialog; the typings say less.
  const dialog = session.dialog as Core.SessionDialog | undefined;
  if (session.state !== SessionState.Established || !dialog) {
    return Promise.resolve({ code: 481, reason: 'Call no longer exists' });
  }
  // RFC 3261 section 14.1: no new INVITE while another one is in progress either way.
  const busy =
    dialog.sessionState !== DialogState.Confirmed ||
    dialog.signalingState !== SignalingState.Stable ||
    dialog.reinviteUserAgentClient !== undefined ||
    dialog.reinviteUserAgentServer !== undefined;
  if (busy) return Promise.resolve({ code: LOCAL_PENDING, reason: 'Offer/answer in progress' });

  const options: Web.SessionDescriptionHandlerOptions = { ...request.media, hold: request.hold };
  if (request.iceRestart) options.offerOptions = { iceRestart: true };
  session.sessionDescriptionHandlerOptionsReInvite = options;

  return new Promise<ReinviteResult>((resolve) => {
    const settle = (result: ReinviteResult): void => {
      const ok = result.code >= 200 && result.code < 300;
      setOptions(session, request.media, ok ? request.hold : heldBefore);
      resolve(result);
    };
    session
      .invite({
        requestDelegate: {
          onAccept: ({ message }) => {
            onAnswer(message.body);
            settle({ code: message.statusCode ?? 200, reason: message.reasonPhrase ?? '' });
          },
          onReject: ({ message }) => {
            const result: ReinviteResult = {
              code: message.statusCode ?? 0,
              reason: message.reasonPhrase ?? '',
            };
            const retryAfter = parseRetryAfter(message.getHeader('Retry-After'));
            if (retryAfter !== undefined) result.retryAfter = retryAfter;
            settle(result);
          },
        },
      })
      .catch((error: unknown) => {
        void session.sessionDescriptionHandler?.rollbackDescription?.().catch(() => undefined);
        settle({ code: LOCAL_PENDING, reason: error instanceof Error ? error.message : 'failed' });
      });
  });
}
