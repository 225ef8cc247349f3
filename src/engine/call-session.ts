/**
 * The part of a call that follows its sip.js Session: the published snapshot, the mapping of
 * sip.js's session states and requests onto `call-machine.ts`, and how a call ends. The
 * commands a user gives live in `call.ts`.
 */
import { SessionState, type Invitation, type Referral, type Session, type Web } from 'sip.js';
import type { Logger } from '../core/logger.ts';
import type { CallSnapshot, CallState, EndCause, MediaStatus } from '../protocol/phone-state.ts';
import { callTransition, type CallEvent } from './call-machine.ts';
import { parseDtmfInfo } from './dtmf.ts';
import { mediaProblem } from './end-cause.ts';
import { describeError, EngineError } from './errors.ts';
import { applyTrackSwitches, trackSwitches } from './media-tracks.ts';
import { isRemoteHold, sdpDirection } from './sdp-direction.ts';

export interface CallHooks {
  changed: (call: CallSession) => void;
  mediaStatus: (status: MediaStatus) => void;
  remoteMedia?: ((callId: string, stream: MediaStream | null) => void) | undefined;
  /** The far end asks us to call someone else (we are the transferee). */
  referred: (referral: Referral) => void;
  /** Session description handler options for offers and answers (microphone constraints). */
  mediaOptions: () => Web.SessionDescriptionHandlerOptions;
  logger: Logger;
}

export interface EndIntent {
  cause: EndCause;
  detail?: string;
}

export class CallSession {
  protected current: CallSnapshot;
  /** Why the call is ending, set before sip.js reports the session terminated. */
  protected intent: EndIntent | undefined;
  /** An invite() or accept() is running: it reports the end itself, with the real cause. */
  protected starting = false;
  /** A hold (not a resume) re-INVITE is in flight: both ways are silent meanwhile. */
  protected holding = false;
  private referredAway = false;

  constructor(
    readonly session: Session,
    snapshot: CallSnapshot,
    protected readonly hooks: CallHooks,
  ) {
    this.current = snapshot;
    session.delegate = {
      onBye: (bye) => {
        void bye.accept().catch(() => undefined);
        this.intent = { cause: this.referredAway ? 'transferred' : 'remote-hangup' };
      },
      onCancel: () => {
        this.intent = { cause: 'missed', detail: 'The caller hung up.' };
      },
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
        hooks.referred(referral);
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

  protected started(): void {
    this.starting = false;
    if (this.session.state === SessionState.Terminated) this.end(this.intent ?? this.fallbackEnd());
  }

  protected async bye(intent: EndIntent): Promise<void> {
    this.intent = intent;
    try {
      await this.session.bye();
    } catch (error) {
      this.logFailure(error);
      void this.session.dispose().catch(this.logFailure);
    }
    this.end(intent);
  }

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

  protected fallbackEnd(): EndIntent {
    if (this.current.state === 'incoming') return { cause: 'missed' };
    return { cause: 'failed', detail: 'The session ended without a reason.' };
  }

  protected failMedia(error: unknown, detail = describeError(error)): void {
    const problem = mediaProblem(error);
    if (problem) {
      this.hooks.mediaStatus(problem);
      this.end({ cause: 'microphone-unavailable', detail });
    } else {
      this.end(this.intent ?? { cause: 'failed', detail });
    }
  }

  protected end(intent: EndIntent): void {
    if (!this.live) return;
    const event: CallEvent = { type: 'ended', cause: intent.cause, at: Date.now() };
    if (intent.detail) event.detail = intent.detail;
    this.apply(event);
    this.hooks.remoteMedia?.(this.id, null);
  }

  protected noteRemoteSdp(body: string | undefined): void {
    const direction = sdpDirection(body);
    if (!direction) return;
    // A new description may bring new tracks, enabled by default: switch them even if unchanged.
    if (!this.apply({ type: 'remote-hold', held: isRemoteHold(direction) })) this.syncTracks();
  }

  /** Points the media tracks the way the snapshot says audio may flow (media-tracks.ts). */
  protected syncTracks(): void {
    if (this.current.state !== 'active') return;
    try {
      const switches = trackSwitches(this.current, this.holding);
      applyTrackSwitches(this.session.sessionDescriptionHandler, switches);
    } catch (error) {
      this.logFailure(error);
    }
  }

  protected require(state: CallState): void {
    if (this.current.state !== state) {
      throw new EngineError('invalid-state', `The call is ${this.current.state}, not ${state}.`);
    }
  }

  /** Applies an event; true when the snapshot changed. */
  protected apply(event: CallEvent): boolean {
    const next = callTransition(this.current, event);
    if (next === null) {
      this.hooks.logger.debug(`call: ${event.type} ignored in ${this.current.state}`);
    }
    if (next === null || next === this.current) return false;
    this.current = next;
    this.syncTracks();
    this.hooks.changed(this);
    return true;
  }

  protected readonly logFailure = (error: unknown): void => {
    this.hooks.logger.debug(`call: ${describeError(error)}`);
  };
}
