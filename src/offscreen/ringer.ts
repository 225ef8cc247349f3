/**
 * The ringtone on the ringing device, or, while another call is up, a soft call-waiting tone
 * on the speaker instead, so the ongoing conversation is not drowned out (field case C09).
 */
import type { PhoneSnapshot } from '../protocol/phone-state.ts';
import { createLogger } from '../core/logger.ts';
import { routeTo } from './remote-audio.ts';

const log = createLogger('offscreen:ringer');

export type RingMode = 'off' | 'ring' | 'waiting';

export interface Ringer {
  update(snapshot: PhoneSnapshot): void;
  setDevices(ringerId: string, speakerId: string): void;
  mode(): RingMode;
}

export function ringModeFor(snapshot: PhoneSnapshot): RingMode {
  const calls = snapshot.calls.filter((c) => c.state !== 'ended');
  if (!calls.some((c) => c.state === 'incoming')) return 'off';
  return calls.some((c) => c.state !== 'incoming') ? 'waiting' : 'ring';
}

function loop(file: string): HTMLAudioElement {
  const element = new Audio(chrome.runtime.getURL(file));
  element.loop = true;
  return element;
}

export function createRinger(): Ringer {
  const ring = loop('sounds/ring.wav');
  const waiting = loop('sounds/call-waiting.wav');
  let current: RingMode = 'off';

  const play = (element: HTMLAudioElement, on: boolean) => {
    if (!on) {
      element.pause();
      element.currentTime = 0;
      return;
    }
    element.play().catch((err: unknown) => log.warn('a ring tone did not start', err));
  };

  return {
    update: (snapshot) => {
      const next = ringModeFor(snapshot);
      if (next === current) return;
      current = next;
      play(ring, next === 'ring');
      play(waiting, next === 'waiting');
    },
    setDevices: (ringerId, speakerId) => {
      void routeTo(ring, ringerId);
      void routeTo(waiting, speakerId);
    },
    mode: () => current,
  };
}
