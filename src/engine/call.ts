/**
 * One call and the commands it takes: answer, decline, hang up, mute, hold, DTMF, transfer,
 * and recovery after a reconnect. Each checks the call's state first and reports its outcome
 * through the snapshot (end cause, hold error, transfer state).
 */
import { type Invitation, type Inviter, type URI } from 'sip.js';
import type { CallState, EndCause } from '../protocol/phone-state.ts';
import { CallSession } from './call-session.ts';
import { sendDtmf } from './dtmf.ts';
import { causeForStatus, reasonPhrase, statusDetail } from './end-cause.ts';
import { describeError, EngineError } from './errors.ts';
import { reinviteWithRetry, type ReinviteResult } from './reinvite-retry.ts';
import { reinviteSession } from './session-reinvite.ts';
import { sendRefer } from './transfer.ts';

export { type CallHooks } from './call-session.ts';

const isSuccess = (code: number): boolean => code >= 200 && code < 300;

export class Call extends CallSession {
  private reinvites: Promise<unknown> = Promise.resolve();

  /** Sends the INVITE of an outbound call; the outcome arrives through the snapshot. */
  async invite(): Promise<void> {
    const inviter = this.session as Inviter;
    this.starting = true;
    try {
      await inviter.invite({
        sessionDescriptionHandlerOptions: this.hooks.mediaOptions(),
        requestDelegate: {
          onProgress: (response) => {
            if ((response.message.statusCode ?? 0) >= 180) this.apply({ type: 'progress' });
          },
          onAccept: (response) => this.noteRemoteSdp(response.message.body),
          onReject: (response) => {
            const { statusCode = 0, reasonPhrase } = response.message;
            const detail = statusDetail(statusCode, reasonPhrase);
            this.end(this.intent ?? { cause: causeForStatus(statusCode), detail });
          },
        },
      });
    } catch (error) {
      this.failMedia(error);
    } finally {
      this.started();
    }
  }

  async answer(): Promise<void> {
    this.require('incoming');
    this.starting = true;
    try {
      await (this.session as Invitation).accept({
        sessionDescriptionHandlerOptions: this.hooks.mediaOptions(),
      });
    } catch (error) {
      // sip.js has already refused the INVITE with 480: no 200 OK without local media (C13).
      this.failMedia(error, `${statusDetail(480, reasonPhrase(480))} (${describeError(error)})`);
    } finally {
      this.started();
    }
  }

  async decline(code: 486 | 603 | 480 = 486, cause: EndCause = 'declined'): Promise<void> {
    this.require('incoming');
    this.intent = { cause, detail: statusDetail(code, reasonPhrase(code)) };
    this.end(this.intent);
    await (this.session as Invitation).reject({ statusCode: code }).catch(this.logFailure);
  }

  /** Cancel while ringing out, BYE when active, refuse (486) while ringing in. */
  async hangup(): Promise<void> {
    const state: CallState = this.current.state;
    if (state === 'incoming') return this.decline(486);
    if (state === 'dialing' || state === 'ringing') {
      this.intent = { cause: 'cancelled' };
      this.end(this.intent);
      await (this.session as Inviter).cancel().catch(this.logFailure);
      return;
    }
    if (state === 'active') await this.bye({ cause: 'local-hangup' });
  }

  /** The phone is stopping: end the call whatever its state. */
  async terminate(): Promise<void> {
    if (this.current.state === 'incoming') return this.decline(480, 'missed');
    return this.hangup();
  }

  /** Mute composes with hold: unmuting a held call does not send until it is resumed. */
  setMuted(muted: boolean): void {
    this.require('active');
    this.apply({ type: 'muted', muted });
  }

  /**
   * Hold or resume by re-INVITE (RFC 3264 section 8.4); `held` changes only on a 2xx. A hold
   * silences both ways as soon as it is asked for, a resume only once it is accepted.
   */
  async setHeld(held: boolean): Promise<void> {
    this.require('active');
    const holdingBefore = this.holding;
    this.holding = held;
    if (!this.apply({ type: 'hold-requested', held })) {
      this.holding = holdingBefore;
      if (this.current.held === held && !this.current.holdPending) return;
      throw new EngineError('invalid-state', 'A hold change is already in progress.');
    }
    const result = await this.reinvite(held, false).finally(() => (this.holding = false));
    if (!this.live) return;
    if (isSuccess(result.code)) {
      this.apply({ type: 'hold-settled', held });
      return;
    }
    const error = statusDetail(result.code, result.reason);
    this.apply({ type: 'hold-settled', held, error });
    throw new EngineError('hold-failed', `${held ? 'Hold' : 'Resume'} failed: ${error}`);
  }

  async sendDtmf(tones: string): Promise<void> {
    this.require('active');
    await sendDtmf(this.session, tones);
  }

  async transfer(target: URI, label: string): Promise<void> {
    this.require('active');
    const accepted = await sendRefer(this.session, target, (progress) => {
      this.apply({ type: 'transfer', target: label, ...progress });
      if (progress.state !== 'succeeded') return;
      // RFC 5589 section 6: the transferor ends its call once the transfer worked.
      void this.bye({ cause: 'transferred', detail: progress.detail ?? '' });
    });
    if (!accepted) throw new EngineError('transfer-failed', 'The far end refused the transfer.');
  }

  /**
   * After a reconnect: a re-INVITE with an ICE restart proves the dialog is still reachable
   * and refreshes the route and media (field case C03). If the dialog is gone, end the call.
   */
  async refreshAfterReconnect(): Promise<void> {
    if (this.current.state !== 'active') return;
    const result = await this.reinvite(this.current.held, true);
    if (!this.live || isSuccess(result.code)) return;
    // The far end answered, only not to the new offer: the dialog itself is alive.
    if (result.code === 488 || result.code === 606) return;
    this.loseConnection(`re-INVITE after reconnect: ${statusDetail(result.code, result.reason)}`);
  }

  /** The transport went down: calls not yet established cannot be completed any more. */
  transportLost(): void {
    if (this.current.state === 'incoming') {
      this.end({ cause: 'connection-lost', detail: 'Connection to the server lost.' });
      void (this.session as Invitation).reject({ statusCode: 480 }).catch(() => undefined);
    } else if (this.current.state === 'dialing' || this.current.state === 'ringing') {
      this.end({ cause: 'connection-lost', detail: 'Connection to the server lost.' });
      void (this.session as Inviter).cancel().catch(() => undefined);
    }
  }

  /** Ends the call locally with `connection-lost`, trying a BYE in case it still gets through. */
  loseConnection(detail: string): void {
    if (!this.live) return;
    this.intent = { cause: 'connection-lost', detail };
    this.end(this.intent);
    void this.session.dispose().catch(() => undefined);
  }

  /** Re-INVITEs one at a time, each retried on 491 and 500 with Retry-After. */
  private reinvite(hold: boolean, iceRestart: boolean): Promise<ReinviteResult> {
    const policy = {
      ownsCallId: this.current.direction === 'outbound',
      maxAttempts: 5,
      random: Math.random,
    };
    const request = { hold, iceRestart, media: this.hooks.mediaOptions() };
    const attempt = () =>
      reinviteSession(this.session, request, this.current.held, (sdp) => this.noteRemoteSdp(sdp));
    const run = () => reinviteWithRetry(attempt, policy, this.sleep);
    const result = this.reinvites.then(run, run);
    this.reinvites = result.catch(() => undefined);
    return result;
  }

  private readonly sleep = (ms: number): Promise<boolean> =>
    new Promise((resolve) => setTimeout(() => resolve(this.live), ms));
}
