/**
 * sip.js's own log, routed through the project's logger (STYLE.md habit 11). The engine also
 * turns off sip.js's message tracing, so SIP messages with their Authorization headers are
 * never handed over; the lines that remain are scrubbed again before they leave.
 */
import type { LogConnector, LogLevel as SipLogLevel } from 'sip.js';
import type { Logger } from '../core/logger.ts';

const AUTH_LINE = /^(?:Proxy-)?Authori[sz]ation:.*$/gim;
const DIGEST = /Digest\s+[^\r\n]*/gi;

export function scrubSipLog(text: string): string {
  return text.replace(AUTH_LINE, '[auth header removed]').replace(DIGEST, 'Digest [removed]');
}

/**
 * sip.js logs some expected conditions (a dropped socket, a refused re-INVITE) as errors;
 * the engine reports real failures as typed state, so sip.js errors go out as warnings.
 */
const RANK: Record<SipLogLevel, number> = { error: 0, warn: 1, log: 2, debug: 3 };

/** sip.js hands every line to the connector whatever its own level: filter here. */
export function sipLogConnector(
  logger: Logger,
  upTo: SipLogLevel = 'warn',
  /** False once the UserAgent is stopped: its leftover timers only log about a closed socket. */
  active: () => boolean = () => true,
): LogConnector {
  return (level, category, label, content) => {
    if (RANK[level] > RANK[upTo] || !active()) return;
    const line = `${category}${label ? ` ${label}` : ''}: ${scrubSipLog(content)}`;
    if (level === 'error' || level === 'warn') logger.warn(line);
    else logger.debug(line);
  };
}
