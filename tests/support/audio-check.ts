/**
 * Whether audio flows both ways in a call between the extension's engine and a browser far
 * end, with the figures: RTP bytes each side received over a short window, and the loudest
 * RMS of what each side hears. Shared by the `npm start` demo and any browser test that wants
 * figures rather than a poll.
 */
import type { FarEnd } from './far-end.ts';
import type { OffscreenProbe } from './offscreen-cdp.ts';

/** Louder than this is sound; silence and comfort noise stay far below it. */
export const SOUND_RMS = 0.005;
/** Bytes a talking side receives per second is several kB; comfort noise a few hundred. */
export const FLOWING_BYTES_PER_S = 1900;

export interface AudioLeg {
  /** RTP payload bytes received in total so far in the call. */
  totalBytes: number;
  /** Bytes received during the measuring window. */
  windowBytes: number;
  windowMs: number;
  rms: number;
}

export interface AudioBothWays {
  /** Agent to far end: what the far end receives. */
  out: AudioLeg;
  /** Far end to agent: what the engine receives. */
  in: AudioLeg;
}

export function legFlows(leg: AudioLeg): boolean {
  return leg.windowBytes * (1000 / leg.windowMs) > FLOWING_BYTES_PER_S && leg.rms > SOUND_RMS;
}

/** Both legs measured at once over `windowMs`. */
export async function measureAudio(
  probe: OffscreenProbe,
  far: FarEnd,
  windowMs = 1000,
): Promise<AudioBothWays> {
  const farBytes = async () => (await far.stats())?.received ?? 0;
  const engineBytes = async () => (await probe.rtp()).received;

  // The energy readings listen for `windowMs` each, in parallel: the byte window spans them.
  const [farBefore, engineBefore] = await Promise.all([farBytes(), engineBytes()]);
  const started = Date.now();
  const [farRms, engineRms] = await Promise.all([far.energy(windowMs), probe.energy(windowMs)]);
  const [farAfter, engineAfter] = await Promise.all([farBytes(), engineBytes()]);
  const elapsed = Date.now() - started;

  const leg = (before: number, after: number, rms: number): AudioLeg => ({
    totalBytes: after,
    windowBytes: after - before,
    windowMs: elapsed,
    rms,
  });
  return { out: leg(farBefore, farAfter, farRms), in: leg(engineBefore, engineAfter, engineRms) };
}

const bothFlow = (figures: AudioBothWays) => legFlows(figures.out) && legFlows(figures.in);

/**
 * Measures until audio flows both ways (ICE and DTLS take a moment, and the microphone's gain
 * control ramps up), then once more for settled figures, which must flow too. Throws with the
 * last figures after `timeoutMs`.
 */
export async function waitForAudio(
  probe: OffscreenProbe,
  far: FarEnd,
  timeoutMs = 15_000,
): Promise<AudioBothWays> {
  const deadline = Date.now() + timeoutMs;
  let flowing = 0;
  for (;;) {
    const figures = await measureAudio(probe, far);
    flowing = bothFlow(figures) ? flowing + 1 : 0;
    if (flowing === 2) return figures;
    if (Date.now() > deadline) {
      throw new Error(`audio does not flow both ways: ${JSON.stringify(figures)}`);
    }
  }
}
