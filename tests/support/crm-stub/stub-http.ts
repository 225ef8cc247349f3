/**
 * The plumbing every CRM stub shares: read the body, record the request, apply latency and
 * faults, check the credentials, route, answer JSON.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handler } from '../https-server.ts';
import type { Fault, StubControl, StubCrm } from './control.ts';

export interface StubAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteContext {
  method: string;
  url: URL;
  /** Path without the query. */
  path: string;
  headers: IncomingMessage['headers'];
  /** Parsed JSON, or undefined; `invalid` when the body was not JSON. */
  body: unknown;
}

export interface StubSpec {
  crm: StubCrm;
  /** Whether this stub answers the request at all (host and path prefix). */
  owns(url: URL): boolean;
  /** The CRM's documented error body (and headers) for a status. */
  error(status: number, fault?: Fault): StubAnswer;
  /** An answer when the credentials are missing or wrong; undefined when they are good. */
  authenticate(ctx: RouteContext): StubAnswer | undefined;
  route(ctx: RouteContext): StubAnswer | Promise<StubAnswer>;
}

export const INVALID_JSON = Symbol('invalid JSON');

export function createStubHandler(control: StubControl, spec: StubSpec): Handler {
  return async (req, res, url) => {
    if (!spec.owns(url)) return false;

    const at = Date.now();
    const ctx: RouteContext = {
      method: req.method ?? 'GET',
      url,
      path: url.pathname,
      headers: req.headers,
      body: await readJson(req),
    };
    const fault = control.takeFault(spec.crm, ctx.method, ctx.path);
    const delay = (fault?.delayMs ?? 0) + control.latencyMs[spec.crm];
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));

    const answer = await answerFor(spec, ctx, fault);
    control.requests.push({
      crm: spec.crm,
      method: ctx.method,
      host: url.host,
      path: ctx.path,
      query: url.searchParams,
      headers: req.headers,
      body: ctx.body === INVALID_JSON ? undefined : ctx.body,
      status: answer.status,
      at,
      answeredAt: Date.now(),
    });
    send(res, answer);
    return true;
  };
}

async function answerFor(spec: StubSpec, ctx: RouteContext, fault?: Fault): Promise<StubAnswer> {
  if (fault?.status) return spec.error(fault.status, fault);
  const refused = spec.authenticate(ctx);
  if (refused) return refused;

  const answer = await spec.route(ctx);
  const wrote = ctx.method !== 'GET' && answer.status < 300;
  return fault?.dropAfterWrite && wrote ? spec.error(500) : answer;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

function send(res: ServerResponse, answer: StubAnswer): void {
  const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    ...answer.headers,
  });
  res.end(body);
}

export function json(status: number, body: unknown, headers?: Record<string, string>): StubAnswer {
  return headers ? { status, body, headers } : { status, body };
}

/** The named cookie from a Cookie header. */
export function cookie(headers: IncomingMessage['headers'], name: string): string | undefined {
  for (const part of (headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

export function bearer(headers: IncomingMessage['headers']): string | undefined {
  const match = /^Bearer (\S+)$/.exec(headers.authorization ?? '');
  return match?.[1];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON value as text: strings as they are, anything else as JSON. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}
