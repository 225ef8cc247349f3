/**
 * The caller line of a ringing call's desktop notification, from the caller card: the clear
 * best match's name (and company); for several equal matches (C25's shared switchboard) the
 * company they share, if they share one. Notifications render plain text, so CRM values stay
 * literal (C28).
 */
import type { CallerCard, CrmMatch } from '../protocol/caller-card.ts';

export function notificationMessage(card: CallerCard): string | undefined {
  if (card.direction !== 'inbound' || card.answeredAt !== undefined) return undefined;
  for (const state of Object.values(card.crms)) {
    const who = describe(state.matches);
    if (who) return `${who}\n${card.number}`;
  }
  return undefined;
}

function describe(matches: readonly CrmMatch[]): string | undefined {
  const [first, second] = matches;
  if (!first) return undefined;
  if (!second || first.score > second.score) {
    return first.company ? `${first.name} (${first.company})` : first.name;
  }
  const companies = new Set(
    matches.map((m) => (m.ref.type.match(/^(account|company)$/i) ? m.name : m.company)),
  );
  const [shared] = companies;
  return companies.size === 1 && shared ? shared : undefined;
}

export interface CallerNotifierDeps {
  /** The card as stored now. */
  card(callId: string): Promise<CallerCard | undefined>;
  /** chrome.notifications.update: resolves false when no such notification is shown. */
  update(callId: string, message: string): Promise<boolean>;
}

/**
 * Keeps the caller's name in the notification, whichever comes first: the lookup (a cached
 * number answers within milliseconds, before the notification exists, and updating a missing
 * notification does nothing) or the notification. So both events apply the stored card.
 */
export function createCallerNotifier(deps: CallerNotifierDeps) {
  const apply = async (card: CallerCard | undefined): Promise<boolean> => {
    const message = card && notificationMessage(card);
    return message ? deps.update(card.callId, message) : false;
  };
  return {
    /** After every change of a card. */
    changed: (card: CallerCard): Promise<boolean> => apply(card),
    /** Once the notification of a ringing call is shown. */
    shown: async (callId: string): Promise<boolean> => apply(await deps.card(callId)),
  };
}
