/**
 * One call: a sip.js Session (Inviter or Invitation) and its published snapshot. sip.js's
 * session states are mapped onto `call-machine.ts`; every command checks the call's state
 * first and reports its outcome through the snapshot (end cause, hold error, transfer).
 */
import {
  SessionState,
  type Invitation,
  type Inviter,
  type Referral,
  type Session,
  type URI,
  type Web,
} from 'sip.js';
import type { Logger } from '../core/logger.ts';
import type { CallSnapshot, CallState, EndCause, MediaStatus } from '../protocol/phone-state.ts';
import { callTransition, type CallEvent } from './call-machine.ts';
import { parseDtmfInfo, sendDtmf } from './dtmf.ts';
import { causeForStatus, mediaProblem, statusDetail } from './end-cause.ts';
import { EngineError } from './errors.ts';
import { reinviteWithRetry, type ReinviteResult } from './reinvite-retry.ts';
import { isRemoteHold, sdpDirection } from './sdp-direction.ts';
import { reinviteSession } from './session-reinvite.ts';
import { sendRefer } from './transfer.ts';

export interface CallHooks {
  changed: (call: Call) => void;
  mediaStatus: (status: MediaStatus) => void;
  remoteMedia?: ((callId: string, stream: MediaStream | null) => void) | undefined;
  /** The far end asks us to call someone else (we are the transferee). */
  referred: (call: Call, referral: Referral) => void;
  /** Session description handler options for offers and answers (microphone constraints). */
  mediaOptions: () => Web.SessionDescriptionHandlerOptions;
  logger: Logger;
}

interface EndIntent {
  cause: EndCause;
  detail?: string;
}

const REASONS: Record<number, string> = {
  480: 'Temporarily Unavailable',
  486: 'Busy Here',
  603: 'Decline',
};

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

export class Call {
  private current: CallSnapshot;
  private intent: EndIntent | undefined;
  private reinvites: Promise<unknown> = Promise.resolve();
  private referredAway = false;
  /** An invite() or accept() is running: it reports the end itself, with the real cause. */
  private starting = false;

  constructor(
    readonly session: Session,
    snapshot: CallSnapshot,
    private readonly hooks: CallHooks,
  ) {
    this.current = snapshot;
    session.delegate = {
      onBye: (bye) => {
        void bye.accept().catch(() => undefined);
        this.intent = { cause: this.referredAway ? 'transferred' : 'remote-hangup' };
      },
      onCancel: () => (this.intent = { cause: 'missed', detail: 'The caller hung up.' }),
      onInfo: (info) => {
        void info.accept().catch(() => undefined);
        const tone = parseDtmfInfo(info.request.getHeader('Content-Type'), info.request.body);
        if (tone) this.apply({ type: 'dtmf-received', tones: tone });
      },
      onInvite: (request, _response, code) => {
        if (code < 300) this.noteRemoteSdp(request.body);
      },
      onAck: (ack) => this.noteRemoteSdp(ack.request.body),
      onRefer: (referral) => {
        this.referredAway = true;
        hooks.referred(this, referral);
      },
    };
    session.stateChange.addListener((state) => this.onSessionState(state));
  }

  get id(): string {
    return this.current.id;
  }

  get snapshot(): CallSnapshot {
    return this.current;
  }

  get live(): boolean {
    return this.current.state !== 'ended';
  }

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
      this.failMedia(error, `${statusDetail(480, REASONS[480])} (${describe(error)})`);
    } finally {
      this.started();
    }
  }

  private started(): void {
    this.starting = false;
    if (this.session.state === SessionState.Terminated) this.end(this.intent ?? this.fallbackEnd());
  }

  async decline(code: 486 | 603 | 480 = 486, cause: EndCause = 'declined'): Promise<void> {
    this.require('incoming');
    this.intent = { cause, detail: statusDetail(code, REASONS[code]) };
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

  private async bye(intent: EndIntent): Promise<void> {
    this.intent = intent;
    try {
      await this.session.bye();
    } catch (error) {
      this.logFailure(error);
      void this.session.dispose().catch(this.logFailure);
    }
    this.end(intent);
  }

  /** The phone is stopping: end the call whatever its state. */
  async terminate(): Promise<void> {
    if (this.current.state === 'incoming') return this.decline(480, 'missed');
    return this.hangup();
  }

  setMuted(muted: boolean): void {
    this.require('active');
    const handler = this.session.sessionDescriptionHandler as
      { enableSenderTracks?: (enable: boolean) => void } | undefined;
    try {
      handler?.enableSenderTracks?.(!muted);
    } catch (error) {
      this.logFailure(error);
    }
    this.apply({ type: 'muted', muted });
  }

  /** Hold or resume by re-INVITE (RFC 3264 section 8.4); `held` changes only on a 2xx. */
  async setHeld(held: boolean): Promise<void> {
    this.require('active');
    if (!this.apply({ type: 'hold-requested', held })) {
      if (this.current.held === held && !this.current.holdPending) return;
      throw new EngineError('invalid-state', 'A hold change is already in progress.');
    }
    const result = await this.reinvite(held, false);
    if (!this.live) return;
    if (result.code >= 200 && result.code < 300) {
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
    if (!this.live || (result.code >= 200 && result.code < 300)) return;
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

  private onSessionState(state: SessionState): void {
    if (state === SessionState.Established && this.current.state !== 'active') {
      this.apply({ type: 'answered', at: Date.now() });
      this.hooks.mediaStatus('ok');
      if (this.current.direction === 'inbound') {
        this.noteRemoteSdp((this.session as Invitation).body);
      }
      const handler = this.session.sessionDescriptionHandler;
      if (handler && 'remoteMediaStream' in handler) {
        this.hooks.remoteMedia?.(this.id, handler.remoteMediaStream as MediaStream);
      }
    }
    // sip.js reports Terminated before the request delegate that tells why: wait for it.
    if (state === SessionState.Terminated && !this.starting) {
      queueMicrotask(() => this.end(this.intent ?? this.fallbackEnd()));
    }
  }

  private fallbackEnd(): EndIntent {
    if (this.current.state === 'incoming') return { cause: 'missed' };
    return { cause: 'failed', detail: 'The session ended without a reason.' };
  }

  private failMedia(error: unknown, detail = describe(error)): void {
    const problem = mediaProblem(error);
    if (problem) {
      this.hooks.mediaStatus(problem);
      this.end({ cause: 'microphone-unavailable', detail });
    } else {
      this.end(this.intent ?? { cause: 'failed', detail });
    }
  }

  private end(intent: EndIntent): void {
    if (!this.live) return;
    const event: CallEvent = { type: 'ended', cause: intent.cause, at: Date.now() };
    if (intent.detail) event.detail = intent.detail;
    this.apply(event);
    this.hooks.remoteMedia?.(this.id, null);
  }

  private noteRemoteSdp(body: string | undefined): void {
    const direction = sdpDirection(body);
    if (direction) this.apply({ type: 'remote-hold', held: isRemoteHold(direction) });
  }

  private require(state: CallState): void {
    if (this.current.state !== state) {
      throw new EngineError('invalid-state', `The call is ${this.current.state}, not ${state}.`);
    }
  }

  /** Applies an event; true when the snapshot changed. */
  private apply(event: CallEvent): boolean {
    const next = callTransition(this.current, event);
    if (next === null)
      this.hooks.logger.debug(`call: ${event.type} ignored in ${this.current.state}`);
    if (next === null || next === this.current) return false;
    this.current = next;
    this.hooks.changed(this);
    return true;
  }

  private readonly logFailure = (error: unknown): void => {
    this.hooks.logger.debug(`call: ${describe(error)}`);
  };
}
