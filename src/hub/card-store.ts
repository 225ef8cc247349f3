/**
 * Caller cards by call id in `chrome.storage.session`: a stopped service worker (or a dock
 * opened later) finds the card, the picked match and what was screen-popped. Bounded to the
 * most recent calls.
 */
import type { CallerCard } from '../protocol/caller-card.ts';
import type { KeyValueArea } from './key-value-area.ts';

const KEY = 'callerCards';
const MAX_CARDS = 20;

export interface CardStore {
  get(callId: string): Promise<CallerCard | undefined>;
  put(card: CallerCard): Promise<void>;
}

export function createCardStore(area: KeyValueArea): CardStore {
  const all = async (): Promise<CallerCard[]> => {
    const value = await area.get(KEY);
    return Array.isArray(value) ? (value as CallerCard[]) : [];
  };

  return {
    get: async (callId) => (await all()).find((c) => c.callId === callId),
    put: async (card) => {
      const others = (await all()).filter((c) => c.callId !== card.callId);
      await area.set(KEY, [...others, card].slice(-MAX_CARDS));
    },
  };
}
