/**
 * Screen-pop: the agent's most recently used tab of a CRM shows the caller's record, when the
 * call rings or when it is answered (setting `screenPop`), once per CRM and call. Only a
 * clear match pops: the one the agent picked, or a single best match. Several equal matches
 * (C25's shared switchboard) wait for the agent's pick.
 *
 * Salesforce Service Console: the console opens an in-app link to `/lightning/r/<type>/<id>/view`
 * as a workspace tab, so `navigate` asks the Salesforce tab's content script to follow such a
 * link (src/content/open-record.ts) and changes the tab's URL only when it cannot. The Lightning
 * Console JavaScript API (workspace API) and `lightning/navigation` exist only for components
 * running inside Salesforce, and Open CTI's screenPop only for a softphone registered as an
 * Open CTI call center, so neither is open to an extension.
 */
import type { CallerCard, CrmMatch } from '../protocol/caller-card.ts';
import type { CrmName } from '../protocol/phone-state.ts';
import type { ScreenPop } from '../settings/settings.ts';
import { screenPopTab, type TabChoiceSettings, type TabInfo } from './tab-choice.ts';

export interface PopChoice {
  crm: CrmName;
  match: CrmMatch;
}

/** What should pop now for this card; empty when nothing (more) should. */
export function screenPopChoices(card: CallerCard, setting: ScreenPop): PopChoice[] {
  if (setting === 'never' || card.direction !== 'inbound') return [];
  if (setting === 'answer' && card.answeredAt === undefined) return [];

  const choices: PopChoice[] = [];
  for (const state of Object.values(card.crms)) {
    if (state.status !== 'found' || card.popped.includes(state.crm)) continue;
    const picked = card.picked?.crm === state.crm ? card.picked : undefined;
    const match = picked
      ? state.matches.find((m) => m.ref.type === picked.type && m.ref.id === picked.id)
      : clearBest(state.matches);
    if (match) choices.push({ crm: state.crm, match });
  }
  return choices;
}

function clearBest(matches: readonly CrmMatch[]): CrmMatch | undefined {
  const [first, second] = matches;
  return first && (!second || first.score > second.score) ? first : undefined;
}

export interface ScreenPopDeps {
  /** The card as stored now. */
  card(callId: string): Promise<CallerCard | undefined>;
  queryTabs(): Promise<TabInfo[]>;
  /** Shows `url` in a tab of that CRM (in-app where the CRM's tab can, else by URL). */
  navigate(tabId: number, url: string, crm: CrmName): Promise<void>;
  open(url: string): Promise<void>;
  settings(): Promise<TabChoiceSettings & { screenPop: ScreenPop }>;
  /** Remembers that this CRM popped for the call (CallerLookup.popped). */
  markPopped(callId: string, crm: CrmName): Promise<unknown>;
  onError: (error: unknown) => void;
}

/**
 * A screen-popper: call `check(callId)` after every card change and on answer. Checks run one
 * at a time on the stored card, so two quick changes never pop the same CRM twice.
 */
export function createScreenPopper(deps: ScreenPopDeps) {
  let chain: Promise<void> = Promise.resolve();

  const run = async (callId: string): Promise<void> => {
    const card = await deps.card(callId);
    const settings = await deps.settings();
    const choices = card ? screenPopChoices(card, settings.screenPop) : [];
    if (!card || choices.length === 0) return;
    const tabs = await deps.queryTabs();

    for (const { crm, match } of choices) {
      await deps.markPopped(card.callId, crm);
      const tab = screenPopTab(tabs, settings, crm, new URL(match.url).origin);
      if (tab) await deps.navigate(tab.tabId, match.url, crm);
      else await deps.open(match.url);
    }
  };

  return {
    check(callId: string): Promise<void> {
      chain = chain.then(() => run(callId)).catch(deps.onError);
      return chain;
    },
    /** Resolves when every check asked for so far has run. */
    idle: (): Promise<void> => chain,
  };
}
