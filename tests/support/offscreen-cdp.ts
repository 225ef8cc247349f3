/**
 * Looks inside the offscreen document from the test, over the DevTools protocol: the document
 * is no Playwright page, but it is a CDP target. Nothing in the product serves these numbers;
 * the test finds the engine's RTCPeerConnections itself (Runtime.queryObjects) and reads their
 * RTP counters, and measures the remote audio with an AnalyserNode, since `audioLevel` stays 0
 * while the element plays muted in headless Chromium.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';
import { PAGES } from '../../src/core/pages.ts';
import type { RtpBytes } from './far-end.ts';

interface RemoteObject {
  objectId?: string;
  value?: unknown;
}

interface CdpReply {
  id?: number;
  result?: { result?: RemoteObject; objects?: RemoteObject; exceptionDetails?: unknown };
  error?: { message: string };
}

export interface OffscreenProbe {
  /** RTP bytes summed over the engine's live peer connections. */
  rtp(): Promise<RtpBytes>;
  /** Loudest RMS of the audio the engine receives, over `ms`. */
  energy(ms?: number): Promise<number>;
  /** The sound files (e.g. `ring.wav`) the document is playing now. */
  playing(): Promise<string[]>;
  evaluate<T>(expression: string): Promise<T>;
  /** Calls `fn` (source text) with `this` = every live instance of the class `of`. */
  onInstances<T>(of: string, fn: string, args?: unknown[]): Promise<T>;
  detach(): Promise<void>;
}

const RTP = `async function () {
  let received = 0, sent = 0;
  for (const pc of this) {
    if (pc.connectionState === 'closed') continue;
    (await pc.getStats()).forEach((r) => {
      if (r.type === 'inbound-rtp' && r.kind === 'audio') received += r.bytesReceived;
      if (r.type === 'outbound-rtp' && r.kind === 'audio') sent += r.bytesSent;
    });
  }
  return { received, sent };
}`;

const ENERGY = `async function (ms) {
  const tracks = this.filter((pc) => pc.connectionState !== 'closed')
    .flatMap((pc) => pc.getReceivers().map((r) => r.track))
    .filter((t) => t.kind === 'audio' && t.readyState === 'live');
  if (tracks.length === 0) return 0;
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 2048;
  // One source per track: a source made from a stream plays only one of its tracks.
  for (const t of tracks) context.createMediaStreamSource(new MediaStream([t])).connect(analyser);
  const buffer = new Float32Array(analyser.fftSize);
  let loudest = 0;
  for (const end = Date.now() + ms; Date.now() < end; ) {
    analyser.getFloatTimeDomainData(buffer);
    loudest = Math.max(loudest, Math.sqrt(buffer.reduce((s, v) => s + v * v, 0) / buffer.length));
    await new Promise((r) => setTimeout(r, 20));
  }
  await context.close();
  return loudest;
}`;

export async function probeOffscreen(context: BrowserContext): Promise<OffscreenProbe> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser for CDP');
  const cdp: CDPSession = await browser.newBrowserCDPSession();

  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.url.endsWith(PAGES.offscreen));
  if (!target) throw new Error('no offscreen document');
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });

  // Non-flat sessions: each command travels wrapped, each answer comes back as an event.
  let nextId = 1;
  const pending = new Map<number, (reply: CdpReply) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as CdpReply;
    if (reply.id !== undefined) pending.get(reply.id)?.(reply);
  });
  const call = async (method: string, params: object) => {
    const id = nextId++;
    const answered = new Promise<CdpReply>((r) => pending.set(id, r));
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    const reply = await answered;
    pending.delete(id);
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    if (reply.result?.exceptionDetails) {
      throw new Error(`${method}: ${JSON.stringify(reply.result.exceptionDetails)}`);
    }
    return reply.result ?? {};
  };

  const onInstances = async <T>(of: string, fn: string, args: unknown[] = []): Promise<T> => {
    const proto = await call('Runtime.evaluate', { expression: `${of}.prototype` });
    const found = await call('Runtime.queryObjects', { prototypeObjectId: proto.result?.objectId });
    const result = await call('Runtime.callFunctionOn', {
      objectId: found.objects?.objectId,
      functionDeclaration: fn,
      arguments: args.map((value) => ({ value })),
      awaitPromise: true,
      returnByValue: true,
    });
    return result.result?.value as T;
  };

  return {
    rtp: () => onInstances<RtpBytes>('RTCPeerConnection', RTP),
    energy: (ms = 600) => onInstances<number>('RTCPeerConnection', ENERGY, [ms]),
    onInstances,
    playing: () =>
      onInstances<string[]>(
        'HTMLAudioElement',
        `function () {
          return this.filter((a) => a.src && !a.paused).map((a) => a.src.split('/').pop());
        }`,
      ),
    evaluate: async <T>(expression: string) => {
      const params = { expression, awaitPromise: true, returnByValue: true };
      return (await call('Runtime.evaluate', params)).result?.value as T;
    },
    detach: async () => {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach();
    },
  };
}
