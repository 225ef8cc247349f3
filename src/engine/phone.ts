/**
 * The phone engine's facade: one account, one sip.js UserAgent, its registration and its
 * calls. Commands go in as method calls; state comes out as a plain snapshot, published to
 * every listener on each change (the offscreen document forwards it to the hub and views).
 */
import { Inviter, UserAgent, type Invitation, type Referral } from 'sip.js';
import { createLogger, type Logger } from '../core/logger.ts';
import type {
  AccountProblem,
  CallSnapshot,
  MediaStatus,
  PhoneSnapshot,
  RecordRef,
  RegistrationSnapshot,
} from '../protocol/phone-state.ts';
import { accountDomain, validateAccount, type AccountSettings } from './account.ts';
import { CallList } from './call-list.ts';
import { newCall } from './call-machine.ts';
import { Call, type CallHooks } from './call.ts';
import { dialTarget } from './dial-target.ts';
import { EngineError } from './errors.ts';
import { Registration } from './registration.ts';
import { initialRegistration, registrationTransition } from './registration-machine.ts';
import { withTimeout, type PhoneListener, type PhoneOptions } from './phone-options.ts';
import { identityOf } from './remote-identity.ts';
import { createUserAgent } from './user-agent.ts';

const STOP_TIMEOUT_MS = 3000;
const DEFAULT_REGISTER_EXPIRES = 600;
const PUBLISH_DIAL_WITHIN_MS = 50;

export class Phone {
  private account: AccountSettings;
  private ua: UserAgent | undefined;
  private registration: Registration | undefined;
  private registrationState: RegistrationSnapshot = initialRegistration(Date.now());
  private media: MediaStatus = 'unknown';
  private readonly calls = new CallList();
  private readonly listeners = new Set<PhoneListener>();
  private readonly logger: Logger;
  private readonly hooks: CallHooks;

  constructor(private readonly options: PhoneOptions) {
    this.account = options.account;
    this.logger = options.logger ?? createLogger('offscreen:sip');
    this.hooks = {
      changed: (call) => this.publish(call.snapshot),
      mediaStatus: (status) => this.setMedia(status),
      remoteMedia: options.onRemoteMedia,
      referred: (referral) => this.followReferral(referral),
      mediaOptions: () => ({
        constraints: { audio: options.mediaConstraints?.audio ?? true, video: false },
      }),
      logger: this.logger,
    };
  }

  /** Connects and registers; resolves once the first attempt settled (state says how). */
  async start(): Promise<void> {
    if (this.ua) return;
    const checked = validateAccount(this.account);
    if (!checked.ok) {
      const invalid = { type: 'invalid', problems: checked.errors } as const;
      return this.setRegistration(
        registrationTransition(this.registrationState, invalid, Date.now()),
      );
    }

    let ua: UserAgent;
    try {
      ua = createUserAgent({
        account: checked.account,
        logger: this.logger,
        delegate: { onInvite: (invitation) => this.ring(invitation) },
        sessionDescriptionHandlerFactory: this.options.sessionDescriptionHandlerFactory,
        sipLogLevel: this.options.sipLogLevel ?? 'warn',
        logActive: () => this.ua === ua,
      });
    } catch (error) {
      // sip.js parses the addresses again, more strictly than the checks: whatever it still
      // refuses is a setting to correct, not an engine that silently never registers.
      this.logError(error);
      const problem: AccountProblem = /server url/i.test(String(error))
        ? { field: 'server', code: 'invalidUrl' }
        : { field: 'sipUri', code: 'invalidSipUri' };
      return this.setRegistration(
        registrationTransition(
          this.registrationState,
          { type: 'invalid', problems: [problem] },
          Date.now(),
        ),
      );
    }
    this.ua = ua;
    this.registration = new Registration({
      userAgent: ua,
      expires: checked.account.registerExpires ?? DEFAULT_REGISTER_EXPIRES,
      logger: this.logger,
      keepAliveMs: (this.options.keepAliveSeconds ?? 25) * 1000,
      onChange: (snapshot) => this.setRegistration(snapshot),
      onTransportLost: () => this.calls.transportLost(),
      onReconnected: () => this.calls.reconnected(this.logError),
    });
    await this.registration.start();
  }

  /** Ends every call, unregisters and disconnects. */
  async stop(): Promise<void> {
    const ua = this.ua;
    if (!ua) return;
    this.ua = undefined;
    this.calls.stopTimers();
    await Promise.all(this.calls.live().map((call) => call.terminate().catch(this.logError)));
    this.registration?.stop();
    this.registration = undefined;
    // A dead connection can hold a graceful stop for Timer F (32 s): do not wait that long.
    await withTimeout(ua.stop().catch(this.logError), STOP_TIMEOUT_MS);
  }

  /** New settings: calls end, then the phone registers again (a rejected login retries). */
  async reconfigure(account: AccountSettings): Promise<void> {
    await this.stop();
    this.account = account;
    this.setRegistration(
      registrationTransition(this.registrationState, { type: 'reconfigure' }, Date.now()),
    );
    await this.start();
  }

  /** Calls a number (sent as `sip:<number>@<account domain>`) or a SIP URI; returns the call id. */
  async dial(target: string, options: { record?: RecordRef } = {}): Promise<string> {
    // The server refused this account's login: the INVITE would be refused the same way, only
    // later and as a failed call. Refused here, the agent is told at once what to fix.
    if (this.registrationState.failure === 'credentials-rejected') {
      throw new EngineError('login-rejected', 'The server refused the login.');
    }
    const ua = this.connectedAgent();
    const parsed = dialTarget(target, accountDomain(this.account));
    const uri = UserAgent.makeURI(parsed.uri);
    if (!uri) throw new EngineError('invalid-target', 'Not a valid SIP URI.');

    const snapshot = newCall({
      id: crypto.randomUUID(),
      direction: 'outbound',
      remoteNumber: parsed.remoteNumber,
      at: Date.now(),
      ...(options.record ? { record: options.record } : {}),
    });
    const call = this.track(new Inviter(ua, uri), snapshot);
    // The INVITE leaves before the views hear of the call: extension pages share the offscreen
    // document's thread, and rendering "Calling…" first held the INVITE back by ~20 ms. When
    // the offer takes long (a STUN server, a slow microphone), the views hear of it anyway.
    const early = setTimeout(() => this.publish(call.snapshot), PUBLISH_DIAL_WITHIN_MS);
    await call.invite();
    clearTimeout(early);
    this.publish(call.snapshot);
    return call.id;
  }

  /** Answers; a call already active is put on hold first, and answering waits for that. */
  async answer(callId: string): Promise<void> {
    const call = this.call(callId);
    if (call.snapshot.state !== 'incoming') {
      throw new EngineError('invalid-state', `The call is ${call.snapshot.state}.`);
    }
    for (const other of this.calls.live()) {
      const { state, held } = other.snapshot;
      if (other !== call && state === 'active' && !held) await other.setHeld(true);
    }
    await call.answer();
  }

  decline(callId: string, code: 486 | 603 = 486): Promise<void> {
    return this.call(callId).decline(code);
  }

  hangup(callId: string): Promise<void> {
    return this.call(callId).hangup();
  }

  setMuted(callId: string, muted: boolean): void {
    this.call(callId).setMuted(muted);
  }

  setHeld(callId: string, held: boolean): Promise<void> {
    return this.call(callId).setHeld(held);
  }

  sendDtmf(callId: string, tones: string): Promise<void> {
    return this.call(callId).sendDtmf(tones);
  }

  /** Blind transfer; the result shows in the call's `transfer` field. */
  async transfer(callId: string, target: string): Promise<void> {
    const call = this.call(callId);
    const parsed = dialTarget(target, accountDomain(this.account));
    const uri = UserAgent.makeURI(parsed.uri);
    if (!uri) throw new EngineError('invalid-target', 'Not a valid SIP URI.');
    await call.transfer(uri, parsed.remoteNumber);
  }

  snapshot(): PhoneSnapshot {
    return {
      registration: this.registrationState,
      calls: this.calls.snapshots(),
      media: this.media,
    };
  }

  onChange(listener: PhoneListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** An incoming INVITE: ring (180) as call waiting, or refuse busy without ringing (C09). */
  private ring(invitation: Invitation): void {
    const busy = this.calls.live().length > 0;
    const identity = identityOf(invitation.assertedIdentity ?? invitation.remoteIdentity);
    const call = this.track(
      invitation,
      newCall({ id: crypto.randomUUID(), direction: 'inbound', ...identity, at: Date.now() }),
    );
    if (busy && this.options.callWaiting === false) {
      void call.decline(486, 'missed').catch(this.logError);
      return;
    }
    void invitation.progress().catch(this.logError);
    this.publish(call.snapshot);
  }

  /** We are the transferee: accept the REFER and place the call it asks for. */
  private followReferral(referral: Referral): void {
    const target = referral.referTo;
    const identity = identityOf(target);
    const place = async () => {
      await referral.accept();
      const inviter = referral.makeInviter();
      const snapshot = newCall({
        id: crypto.randomUUID(),
        direction: 'outbound',
        ...identity,
        at: Date.now(),
      });
      const call = this.track(inviter, snapshot);
      this.publish(call.snapshot);
      await call.invite();
    };
    place().catch(this.logError);
  }

  private track(session: Inviter | Invitation, snapshot: CallSnapshot): Call {
    const call = new Call(session, snapshot, this.hooks);
    this.calls.add(call);
    return call;
  }

  private call(callId: string): Call {
    const call = this.calls.get(callId);
    if (!call) throw new EngineError('no-such-call', 'No such call.');
    return call;
  }

  private connectedAgent(): UserAgent {
    if (!this.ua) throw new EngineError('not-started', 'The phone is not started.');
    if (!this.ua.isConnected())
      throw new EngineError('not-connected', 'Not connected to the server.');
    return this.ua;
  }

  private setRegistration(snapshot: RegistrationSnapshot | null): void {
    if (!snapshot || snapshot === this.registrationState) return;
    this.registrationState = snapshot;
    this.publish();
  }

  private setMedia(status: MediaStatus): void {
    if (status === this.media) return;
    this.media = status;
    this.publish();
  }

  private publish(changed?: CallSnapshot): void {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) {
      try {
        listener(snapshot, changed);
      } catch (error) {
        this.logError(error);
      }
    }
  }

  private readonly logError = (error: unknown): void => {
    this.logger.warn('engine:', error instanceof Error ? error : String(error));
  };
}
