/**
 * Keeps one account registered: connects the transport, REGISTERs, and after any transport
 * loss reconnects with capped backoff and REGISTERs again at once (field case C01). sip.js
 * refreshes the registration before it expires, but neither reconnects reliably nor
 * re-registers after a reconnect, and its Registerer keeps saying "Registered" after the
 * socket died; so the published state comes from `registration-machine.ts`, fed by the
 * transport's and the Registerer's real events.
 */
import { Registerer, RegistererState, TransportState, type UserAgent } from 'sip.js';
import type { Logger } from '../core/logger.ts';
import type { RegistrationCause, RegistrationSnapshot } from '../protocol/phone-state.ts';
import { backoffDelay, RECONNECT_BACKOFF, type BackoffOptions } from './backoff.ts';
import { describeError } from './errors.ts';
import { KeepAlive } from './keep-alive.ts';
import { isWaiting, registerOnce } from './register-once.ts';
import {
  failureForStatus,
  initialRegistration,
  isFinal,
  registrationTransition,
  type RegistrationEvent,
} from './registration-machine.ts';

export interface RegistrationOptions {
  userAgent: UserAgent;
  expires: number;
  logger: Logger;
  keepAliveMs: number;
  backoff?: BackoffOptions;
  onChange: (snapshot: RegistrationSnapshot) => void;
  /** The transport went down: calls still ringing cannot be reached any more. */
  onTransportLost: () => void;
  /** Connected again after a loss, and the REGISTER sent on it has settled. */
  onReconnected: () => void;
}

export class Registration {
  private current = initialRegistration(Date.now());
  private registerer: Registerer | undefined;
  private running = false;
  private connected = false;
  private everConnected = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private firstAttempt: Promise<void> | undefined;
  private readonly keepAlive: KeepAlive;
  private readonly ua: UserAgent;

  constructor(private readonly options: RegistrationOptions) {
    this.ua = options.userAgent;
    this.keepAlive = new KeepAlive({
      userAgent: this.ua,
      intervalMs: options.keepAliveMs,
      timeoutMs: Math.min(8000, Math.max(1000, options.keepAliveMs / 2)),
      logger: options.logger,
      // Abandon the dead socket; leaving `Connected` reports the loss and starts reconnecting.
      onDead: () => void this.ua.transport.disconnect().catch(() => undefined),
    });
  }

  get snapshot(): RegistrationSnapshot {
    return this.current;
  }

  /** Connects and registers; resolves once the first attempt has settled either way. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.ua.transport.stateChange.addListener(this.onTransportState);
    this.dispatch({ type: 'register' });
    try {
      await this.ua.start();
    } catch (error) {
      this.retryLater('connect-failed', errorText(error));
      return;
    }
    await this.firstAttempt;
  }

  /** Stops retrying; the caller stops the UserAgent, which unregisters. */
  stop(): void {
    this.running = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.keepAlive.stop();
    this.ua.transport.stateChange.removeListener(this.onTransportState);
    this.dispatch({ type: 'stop' });
  }

  private readonly onTransportState = (state: TransportState): void => {
    if (state === TransportState.Connected) {
      const reconnected = this.everConnected;
      this.connected = true;
      this.everConnected = true;
      this.keepAlive.start();
      // Not from inside sip.js's own state transition.
      this.firstAttempt = Promise.resolve()
        .then(() => this.register())
        .then(() => {
          if (reconnected && this.running) this.options.onReconnected();
        })
        .catch((error: unknown) => this.options.logger.warn(describeError(error)));
      return;
    }
    if (!this.connected || state === TransportState.Connecting) return;

    this.connected = false;
    this.keepAlive.stop();
    if (!this.running) return;
    this.options.logger.warn('transport lost');
    this.options.onTransportLost();
    this.retryLater('connection-lost');
  };

  private async register(): Promise<void> {
    if (!this.running || !this.connected || isFinal(this.current)) return;
    if (this.current.state !== 'registering') this.dispatch({ type: 'register' });
    const result = await registerOnce(this.freshRegisterer());
    if (!this.running) return;

    if (result.ok) {
      this.attempt = 0;
      this.dispatch({ type: 'accepted' });
      return;
    }
    const failure = failureForStatus(result.code, this.connected);
    const detail = `${result.code} ${result.reason}`.trim();
    this.options.logger.warn(`REGISTER failed: ${detail}`);
    if (failure === 'credentials-rejected') {
      this.dispatch({ type: 'rejected', failure, detail });
      return;
    }
    // Without a transport the loss handler has already scheduled the reconnect.
    if (!this.connected) return;
    const retryAt = this.schedule(result.retryAfter);
    this.dispatch({ type: 'rejected', failure, detail, retryAt });
  }

  /** Reuse the Registerer unless a REGISTER on the dead socket is still waiting (RFC 3261 10.2). */
  private freshRegisterer(): Registerer {
    const old = this.registerer;
    if (old && !isWaiting(old)) return old;
    if (old) {
      old.stateChange.removeListener(this.onRegistererState);
      void old.dispose().catch(() => undefined);
    }
    const registerer = new Registerer(this.ua, {
      expires: this.options.expires,
      logConfiguration: false,
      // sip.js refreshes at 99 % by default: 6 s before expiry at 600 s, too tight for a busy
      // machine or a registrar that grants less than asked. 80 % leaves room.
      refreshFrequency: 80,
    });
    registerer.stateChange.addListener(this.onRegistererState);
    this.registerer = registerer;
    return registerer;
  }

  /** A refresh that failed, or a registration that expired unnoticed: register again. */
  private readonly onRegistererState = (): void => {
    const registerer = this.registerer;
    if (!registerer || isWaiting(registerer) || !this.running || !this.connected) return;
    if (registerer.state === RegistererState.Registered || this.current.state !== 'registered')
      return;
    const retryAt = this.schedule();
    this.dispatch({ type: 'lapsed', retryAt });
  };

  private retryLater(cause: RegistrationCause, detail?: string): void {
    if (!this.running || isFinal(this.current)) return;
    const retryAt = this.schedule();
    this.dispatch({ type: 'unreachable', cause, retryAt, ...(detail ? { detail } : {}) });
  }

  /** One timer for the next attempt: reconnect if the transport is down, else REGISTER. */
  private schedule(retryAfterS?: number): number {
    clearTimeout(this.retryTimer);
    const backoff = backoffDelay(this.attempt++, this.options.backoff ?? RECONNECT_BACKOFF);
    const delay = Math.max(backoff, (retryAfterS ?? 0) * 1000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.retry();
    }, delay);
    return Date.now() + delay;
  }

  private async retry(): Promise<void> {
    if (!this.running) return;
    if (this.connected) return this.register();
    this.dispatch({ type: 'register' });
    try {
      await this.ua.reconnect();
    } catch (error) {
      // Only a server that answered once with these settings is "again": one never reached is
      // still a connection that could not be made, most likely a wrong address.
      this.retryLater(this.everConnected ? 'reconnect-failed' : 'connect-failed', errorText(error));
    }
  }

  private dispatch(event: RegistrationEvent): void {
    const next = registrationTransition(this.current, event, Date.now());
    if (next === null) {
      this.options.logger.debug(`registration: ${event.type} ignored in ${this.current.state}`);
      return;
    }
    if (next === this.current) return;
    this.current = next;
    this.options.onChange(next);
  }
}

/** The transport's own words for the agent's details, without the class name ("Error: "). */
function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
