/**
 * One small logger per context, with a tag such as `offscreen:sip` or `content:salesforce`.
 * Debug output is compiled out of release builds (`__DEBUG__` is false there). Everything
 * logged goes through `redact` first: passwords, auth headers and full phone numbers never
 * reach the console above debug level.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export type LogSink = (level: LogLevel, tag: string, message: string, details: unknown[]) => void;

const consoleSink: LogSink = (level, tag, message, details) => {
  console[level](`[${tag}] ${message}`, ...details);
};

let sink: LogSink = consoleSink;

/** Replace where log lines go (tests capture them; the offscreen document forwards them). */
export function setLogSink(next: LogSink | null): void {
  sink = next ?? consoleSink;
}

const SECRET_HEADER = /^((?:Proxy-)?Authorization|WWW-Authenticate|Proxy-Authenticate):.*$/gim;
const SECRET_FIELD =
  /("?(?:password|authorizationPassword|token|secret)"?\s*[:=]\s*)("[^"]*"|\S+)/gi;
const LONG_NUMBER = /\+?\d[\d\s\-/().]{6,}\d/g;

/** Masks secrets always, and all but the last three digits of phone numbers. */
export function redact(text: string, keepNumbers = false): string {
  const masked = text
    .replace(SECRET_HEADER, '$1: [redacted]')
    .replace(SECRET_FIELD, '$1[redacted]');
  if (keepNumbers) return masked;
  return masked.replace(LONG_NUMBER, (run) => '…' + run.replace(/\D/g, '').slice(-3));
}

function clean(value: unknown, keepNumbers: boolean): unknown {
  if (typeof value === 'string') return redact(value, keepNumbers);
  if (value instanceof Error) return redact(`${value.name}: ${value.message}`, keepNumbers);
  return value;
}

export function createLogger(tag: string): Logger {
  const emit = (level: LogLevel, message: string, details: unknown[]): void => {
    const keep = level === 'debug';
    sink(
      level,
      tag,
      redact(message, keep),
      details.map((d) => clean(d, keep)),
    );
  };

  return {
    debug: (message, ...details) => {
      if (__DEBUG__) emit('debug', message, details);
    },
    info: (message, ...details) => emit('info', message, details),
    warn: (message, ...details) => emit('warn', message, details),
    error: (message, ...details) => emit('error', message, details),
  };
}
