/**
 * Plays each call's remote audio through its own <audio> element on the chosen speaker.
 * An element also keeps the remote track flowing into Web Audio, which Chrome needs.
 */
import { createLogger } from '../core/logger.ts';

const log = createLogger('offscreen:audio');

export interface RemoteAudio {
  attach(callId: string, stream: MediaStream | null): void;
  setSpeaker(deviceId: string): void;
}

export async function routeTo(element: HTMLAudioElement, deviceId: string): Promise<void> {
  if (element.sinkId === deviceId) return;
  try {
    await element.setSinkId(deviceId);
  } catch (err) {
    // A device that went away: keep playing on the default one rather than not at all.
    log.warn('could not select the output device; using the default', err);
  }
}

export function createRemoteAudio(): RemoteAudio {
  const elements = new Map<string, HTMLAudioElement>();
  let speaker = '';

  return {
    attach: (callId, stream) => {
      const existing = elements.get(callId);
      if (!stream) {
        if (existing) existing.srcObject = null;
        elements.delete(callId);
        return;
      }
      const element = existing ?? new Audio();
      elements.set(callId, element);
      element.srcObject = stream;
      void routeTo(element, speaker).then(() =>
        element.play().catch((err: unknown) => {
          log.warn('remote audio did not start', err);
        }),
      );
    },
    setSpeaker: (deviceId) => {
      speaker = deviceId;
      for (const element of elements.values()) void routeTo(element, deviceId);
    },
  };
}
