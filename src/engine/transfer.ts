/**
 * Blind transfer (RFC 3515 REFER, RFC 5589 section 6). The REFER's 202 only says the far end
 * will try; the result comes in NOTIFYs whose message/sipfrag body holds the status line of the
 * transferee's INVITE to the target (RFC 3420): 1xx trying, 2xx done, anything else failed.
 */
import type { Session, URI } from 'sip.js';
import type { TransferState } from '../protocol/phone-state.ts';
import { statusDetail } from './end-cause.ts';

export interface TransferProgress {
  state: TransferState;
  detail?: string;
}

/** The status line in a sipfrag body, e.g. `SIP/2.0 180 Ringing`. */
export function parseSipfrag(body: string): { code: number; reason: string } | undefined {
  const match = /^SIP\/2\.0\s+(\d{3})\s*([^\r\n]*)/m.exec(body);
  if (!match?.[1]) return undefined;
  return { code: Number(match[1]), reason: (match[2] ?? '').trim() };
}

/** What a NOTIFY's sipfrag means for the transfer; undefined when it says nothing new. */
export function progressOfSipfrag(body: string): TransferProgress | undefined {
  const status = parseSipfrag(body);
  if (!status) return undefined;
  const detail = statusDetail(status.code, status.reason);
  if (status.code < 200) return { state: 'accepted', detail };
  if (status.code < 300) return { state: 'succeeded', detail };
  return { state: 'failed', detail };
}

/**
 * Sends the REFER. `report` hears every step; the promise settles with the REFER's own final
 * response (accepted or not), the outcome follows through `report`.
 */
export function sendRefer(
  session: Session,
  target: URI,
  report: (progress: TransferProgress) => void,
): Promise<boolean> {
  return new Promise((resolve) => {
    session
      .refer(target, {
        requestDelegate: {
          onAccept: () => {
            report({ state: 'accepted' });
            resolve(true);
          },
          onReject: (response) => {
            const { statusCode, reasonPhrase } = response.message;
            report({ state: 'failed', detail: statusDetail(statusCode ?? 0, reasonPhrase) });
            resolve(false);
          },
        },
        onNotify: (notification) => {
          void notification.accept().catch(() => undefined);
          const progress = progressOfSipfrag(notification.request.body);
          if (progress) report(progress);
        },
      })
      .catch((error: unknown) => {
        const detail = error instanceof Error ? error.message : 'REFER not sent';
        report({ state: 'failed', detail });
        resolve(false);
      });
  });
}
