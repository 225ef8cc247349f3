/**
 * Detects a half-open connection (field case C01 variant B): the socket still looks open, but
 * nothing gets through. sip.js's CRLF keep-alive only sends and never checks for the pong, so
 * it cannot tell. Instead an out-of-dialog OPTIONS goes to the registrar every interval; any
 * response proves the path works (RFC 3261 section 11 lets any server answer OPTIONS). No
 * response within the timeout means the connection is dead, and `onDead` forces a reconnect.
 */
import { UserAgent } from 'sip.js';
import type { Logger } from '../core/logger.ts';

export interface KeepAliveOptions {
  userAgent: UserAgent;
  intervalMs: number;
  timeoutMs: number;
  logger: Logger;
  onDead: () => void;
}

export class KeepAlive {
  private interval: ReturnType<typeof setInterval> | undefined;
  private deadline: ReturnType<typeof setTimeout> | undefined;
  private waiting = false;

  constructor(private readonly options: KeepAliveOptions) {}

  start(): void {
    if (this.options.intervalMs <= 0 || this.interval) return;
    this.interval = setInterval(() => this.ping(), this.options.intervalMs);
  }

  stop(): void {
    clearInterval(this.interval);
    clearTimeout(this.deadline);
    this.interval = undefined;
    this.deadline = undefined;
    this.waiting = false;
  }

  private ping(): void {
    if (this.waiting) return;
    const { userAgent, timeoutMs } = this.options;
    const aor = userAgent.configuration.uri;
    const target = UserAgent.makeURI(`sip:${aor.host}`);
    if (!target) return;

    const core = userAgent.userAgentCore;
    const message = core.makeOutgoingRequestMessage('OPTIONS', target, aor, target, {});
    const answered = (): void => {
      this.waiting = false;
      clearTimeout(this.deadline);
    };
    this.waiting = true;
    this.deadline = setTimeout(() => {
      this.waiting = false;
      this.options.logger.warn('keep-alive: no answer to OPTIONS, reconnecting');
      this.options.onDead();
    }, timeoutMs);
    core.request(message, {
      onAccept: answered,
      onReject: answered,
      onRedirect: answered,
    });
  }
}
