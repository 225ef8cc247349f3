/**
 * Looking the other party of a call up in every CRM the agent uses, in parallel, without ever
 * holding up the ring: `start` publishes a "looking" card at once and each CRM's result as it
 * arrives (found, none, or why the CRM could not be asked). The card lives in session storage
 * with the match the agent picks, which is the record the call is logged on (C25, C26).
 * Plain functions over injected dependencies; src/hub wires them to chrome.* and messaging.
 */
import { createLogger } from '../core/logger.ts';
import type { CrmApi } from '../crm/api-adapter.ts';
import { CrmError } from '../crm/crm-error.ts';
import type { CallerCard, CrmCardState, CrmMatch } from '../protocol/caller-card.ts';
import type { CallDirection, CrmName, RecordRef } from '../protocol/phone-state.ts';
import type { CardStore } from './card-store.ts';
import { lookupKey, type LookupCache } from './lookup-cache.ts';

const log = createLogger('hub:caller-lookup');

export interface LookupTarget {
  crm: CrmName;
  origin: string;
  api: CrmApi;
}

export interface CallerLookupDeps {
  /** The CRMs to ask now: enabled, with an agent tab open (tab-choice.ts). */
  targets(): Promise<LookupTarget[]>;
  /** The tab whose dock unfolds with the card (tab-choice.ts `dockTab`); none: every dock. */
  dockTab?(): Promise<number | undefined>;
  store: CardStore;
  cache: LookupCache;
  /** Push to the views (`caller.card`). */
  publish(card: CallerCard, changed?: CrmName): void;
  options(): LookupSettings | Promise<LookupSettings>;
  /** After every change of a card (not awaited): screen-pop decides here. */
  onChange?(card: CallerCard): void;
  now?: () => number;
}

export interface LookupSettings {
  defaultCountry: string;
  ownNumbers: readonly string[];
}

export interface CallStart {
  callId: string;
  /** E.164 where the engine could derive it, else the SIP user part. */
  number: string;
  direction: CallDirection;
  remoteName?: string;
  /** The record the agent dialled from: picked once a CRM lists it among the matches. */
  record?: RecordRef;
}

const E164 = /^\+[1-9]\d{5,14}$/;

export function createCallerLookup(deps: CallerLookupDeps) {
  const now = deps.now ?? Date.now;
  const chains = new Map<string, Promise<unknown>>();

  /** Read-modify-write of one card, one change at a time per call. */
  const update = (callId: string, change: (card: CallerCard) => CrmName | undefined | void) => {
    const run = async (): Promise<CallerCard | undefined> => {
      const card = await deps.store.get(callId);
      if (!card) return undefined;
      const changed = change(card);
      await deps.store.put(card);
      deps.publish(card, changed ?? undefined);
      deps.onChange?.(card);
      return card;
    };
    const next = (chains.get(callId) ?? Promise.resolve()).then(run, run);
    chains.set(
      callId,
      next.catch(() => undefined),
    );
    return next;
  };

  /** Asks one CRM at once; the answer goes onto the card once the card is stored. */
  const ask = async (
    callId: string,
    number: string,
    target: LookupTarget,
    settings: LookupSettings,
    stored: Promise<unknown>,
  ): Promise<void> => {
    const state = await resultFor(target, number, settings, deps.cache);
    await stored;
    await update(callId, (card) => {
      card.crms[target.crm] = state;
      const dialled = card.dialledFrom;
      const match = dialled && state.matches.find((m) => sameRecord(m.ref, dialled));
      if (match && !card.picked) card.picked = match.ref;
      return target.crm;
    });
  };

  return {
    /**
     * Asks every CRM at once and resolves when all have answered. The hub must not await it
     * before ringing. The first card ("looking") is stored and published while the CRMs work;
     * each answer lands on the card after it.
     */
    async start(call: CallStart): Promise<CallerCard | undefined> {
      const [settings, targets, dockTabId] = await Promise.all([
        deps.options(),
        deps.targets(),
        deps.dockTab?.().catch(() => undefined),
      ]);
      const card: CallerCard = {
        callId: call.callId,
        number: call.number,
        direction: call.direction,
        crms: {},
        popped: [],
        createdAt: now(),
      };
      if (call.remoteName !== undefined) card.remoteName = call.remoteName;
      if (call.record) card.dialledFrom = call.record;
      if (dockTabId !== undefined) card.dockTabId = dockTabId;
      if (!E164.test(call.number)) card.skipped = 'not-a-number';
      else if (settings.ownNumbers.includes(call.number)) card.skipped = 'own-number';

      const asked = card.skipped ? [] : targets;
      for (const t of asked) card.crms[t.crm] = { crm: t.crm, status: 'looking', matches: [] };
      const stored = deps.store.put(card).then(() => deps.publish(card));

      await Promise.all([
        stored,
        ...asked.map((t) => ask(call.callId, call.number, t, settings, stored)),
      ]);
      return deps.store.get(call.callId);
    },

    /** The agent's pick among the matches; refused unless it is one of them. */
    pick(callId: string, ref: RecordRef): Promise<CallerCard | undefined> {
      return update(callId, (card) => {
        const match = card.crms[ref.crm]?.matches.find((m) => sameRecord(m.ref, ref));
        if (!match) throw new Error(`no such match on the card of ${callId}`);
        card.picked = match.ref;
        return ref.crm;
      });
    },

    answered(callId: string, at = now()): Promise<CallerCard | undefined> {
      return update(callId, (card) => {
        card.answeredAt ??= at;
      });
    },

    /** Records that a CRM's tab showed the caller's record (screen-pop), once per call. */
    popped(callId: string, crm: CrmName): Promise<CallerCard | undefined> {
      return update(callId, (card) => {
        if (!card.popped.includes(crm)) card.popped.push(crm);
      });
    },

    card: (callId: string) => deps.store.get(callId),
  };
}

export type CallerLookup = ReturnType<typeof createCallerLookup>;

async function resultFor(
  target: LookupTarget,
  number: string,
  settings: LookupSettings,
  cache: LookupCache,
): Promise<CrmCardState> {
  const key = lookupKey(target.crm, target.origin, number);
  let matches = await cache.get(key).catch(() => undefined);
  if (!matches) {
    try {
      matches = await target.api.lookup(number, settings);
    } catch (error) {
      return failedState(target, number, error);
    }
    await cache.set(key, matches).catch((error: unknown) => log.warn('cache', error));
  }
  return matches.length ? found(target.crm, matches) : none(target, number);
}

const found = (crm: CrmName, matches: CrmMatch[]): CrmCardState => ({
  crm,
  status: 'found',
  matches,
});

async function none(target: LookupTarget, number: string): Promise<CrmCardState> {
  const state: CrmCardState = { crm: target.crm, status: 'none', matches: [] };
  try {
    state.createUrl = await target.api.createContactUrl(number);
  } catch (error) {
    log.warn(`${target.crm}: no create link`, error);
  }
  return state;
}

function failedState(
  target: LookupTarget,
  number: string,
  error: unknown,
): Promise<CrmCardState> | CrmCardState {
  if (!(error instanceof CrmError)) {
    log.error(`${target.crm}: lookup failed`, error);
    return { crm: target.crm, status: 'error', matches: [], errorKind: 'unavailable' };
  }
  log.debug(`${target.crm}: lookup refused (${error.kind})`, error);
  if (error.kind === 'notfound') return none(target, number);
  return { crm: target.crm, status: 'error', matches: [], errorKind: error.kind };
}

function sameRecord(a: RecordRef, b: RecordRef): boolean {
  return a.crm === b.crm && a.type === b.type && a.id === b.id;
}
