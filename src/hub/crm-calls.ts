/**
 * The CRM side of calls in the hub, wired to chrome.*: caller lookup when a call rings in or
 * is dialled (never awaited by the ring; the docks show the card as it fills), the
 * notification updated with the caller's name, screen-pop, and the call's log queued when it
 * ends and written by the durable queue (drained on start and on its alarm).
 */
import { t } from '../core/i18n.ts';
import { PAGES } from '../core/pages.ts';
import { isOurOrg } from '../crm/hosts.ts';
import { dialledNumber } from '../numbers/dialled-number.ts';
import { createLogger } from '../core/logger.ts';
import type { CallSnapshot, PhoneSnapshot, RecordRef } from '../protocol/phone-state.ts';
import { pushMessage } from '../protocol/runtime.ts';
import { sendToTab } from '../protocol/tab-messages.ts';
import type { Settings } from '../settings/settings.ts';
import { loadEffectiveSettings } from '../settings/store.ts';
import { callEvents } from './call-events.ts';
import { createCallerNotifier } from './caller-notification.ts';
import { createCallLogQueue } from './call-log-queue.ts';
import { createCallerLookup, type CallStart } from './caller-lookup.ts';
import { createCardStore } from './card-store.ts';
import { apiFor, apiForLog } from './crm-apis.ts';
import { chromeArea } from './key-value-area.ts';
import { logEntries } from './log-entry.ts';
import { createLookupCache } from './lookup-cache.ts';
import { notificationId } from './notifications.ts';
import { crmStatuses } from './crm-status.ts';
import { createScreenPopper } from './screen-pop.ts';
import { dockTab, lookupTargets } from './tab-choice.ts';

const log = createLogger('hub:crm');
export const CALL_LOG_ALARM = 'call-log-queue';
const report = (what: string) => (error: unknown) => log.warn(what, error);

/** The agent's own numbers: the setting, plus the SIP user when it is a number (C25). */
export function ownNumbers(settings: Settings): string[] {
  const user = /^sips?:(\+[1-9]\d{5,14})@/.exec(settings.sipUri)?.[1];
  return user ? [...settings.ownNumbers, user] : settings.ownNumbers;
}

const queryTabs = () => chrome.tabs.query({});

/** One read shared by every caller within `ms` of it: the bursts of one call event. */
function shared<T>(read: () => Promise<T>, ms: number): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (!last || Date.now() - last.at > ms) last = { at: Date.now(), value: read() };
    return last.value;
  };
}

const settingsNow: () => Promise<Settings> = shared(loadEffectiveSettings, 1000);
/** The tabs as a lookup's two readers (its targets, the dock to unfold) see them together. */
const lookupTabs = shared(queryTabs, 250);

/** Created on first use: importing this module touches no chrome.* API (unit tests). */
function create() {
  const lookup = createCallerLookup({
    targets: async () => {
      const [tabs, settings] = await Promise.all([lookupTabs(), settingsNow()]);
      return lookupTargets(tabs, settings).map((tab) => ({
        crm: tab.crm,
        origin: tab.origin,
        api: apiFor(tab.crm, tab.origin, tab.tabId),
      }));
    },
    dockTab: async () => {
      const [tabs, settings, focused, docks] = await Promise.all([
        lookupTabs(),
        settingsNow(),
        chrome.tabs.query({ active: true, lastFocusedWindow: true }),
        chrome.runtime.getContexts({
          contextTypes: [chrome.runtime.ContextType.TAB],
          documentUrls: [chrome.runtime.getURL(PAGES.dock)],
        }),
      ]);
      const docked = new Set(docks.map((c) => c.tabId));
      return dockTab(tabs, settings, docked, focused[0]?.id);
    },
    store: createCardStore(chromeArea(chrome.storage.session)),
    cache: createLookupCache({ area: chromeArea(chrome.storage.session) }),
    publish: (card, changed) => {
      pushMessage('caller.card', changed ? { card, changed } : { card }).catch(report('push'));
    },
    options: async () => {
      const settings = await settingsNow();
      return { defaultCountry: settings.defaultCountry, ownNumbers: ownNumbers(settings) };
    },
    onChange: (card) => {
      popper.check(card.callId).catch(report('screen-pop'));
      notifier.changed(card).catch(report('notification'));
    },
  });

  const notifier = createCallerNotifier({
    card: (callId) => lookup.card(callId),
    update: (callId, message) => chrome.notifications.update(notificationId(callId), { message }),
  });

  const popper = createScreenPopper({
    card: (callId) => lookup.card(callId),
    queryTabs,
    navigate: async (tabId, url, crm) => {
      const inApp =
        crm === 'salesforce' &&
        (await sendToTab(tabId, 'crm.openRecord', { url }).catch(report('in-app pop')));
      await chrome.tabs.update(tabId, inApp ? { active: true } : { url, active: true });
    },
    open: async (url) => {
      await chrome.tabs.create({ url, active: true });
    },
    settings: loadEffectiveSettings,
    markPopped: (callId, crm) => lookup.popped(callId, crm),
    onError: report('screen-pop'),
  });

  const queue = createCallLogQueue({
    area: chromeArea(chrome.storage.local),
    write: async (entry) =>
      (await apiForLog(entry.crm, entry.origin, await loadEffectiveSettings())).logCall(entry),
    schedule: async (at) => {
      if (at === undefined) await chrome.alarms.clear(CALL_LOG_ALARM);
      else await chrome.alarms.create(CALL_LOG_ALARM, { when: Math.max(at, Date.now() + 1000) });
    },
  });

  return { lookup, popper, queue, notifier };
}

let parts: ReturnType<typeof create> | undefined;
const crm = () => (parts ??= create());

/**
 * A call ringing in or dialled: its number is looked up (an outbound call's snapshot holds
 * the dial string, read back to E.164 under the settings it was dialled with: read fresh,
 * not from the burst memo, since the dial may follow a settings change at once), with the
 * record it was dialled from.
 */
async function started(call: CallSnapshot): Promise<void> {
  const outbound = call.direction === 'outbound';
  const number = outbound
    ? (dialledNumber(call.remoteNumber, await loadEffectiveSettings()) ?? call.remoteNumber)
    : call.remoteNumber;
  const start: CallStart = { callId: call.id, number, direction: call.direction };
  if (call.remoteName) start.remoteName = call.remoteName;
  if (call.record) start.record = call.record;
  await crm().lookup.start(start);
}

async function ended(call: CallSnapshot): Promise<void> {
  const settings = await loadEffectiveSettings();
  const subject = (direction: CallSnapshot['direction'], who: string) =>
    t(direction === 'inbound' ? 'crmLogSubjectInbound' : 'crmLogSubjectOutbound', who);
  const own = ownNumbers(settings)[0];
  const entries = logEntries(
    call,
    await crm().lookup.card(call.id),
    own ? { subject, ownNumber: own } : { subject },
    (name, origin) => isOurOrg(name, origin, settings),
  );
  for (const entry of entries) await crm().queue.enqueue(entry);
  if (entries.length) await crm().queue.drain();
}

/** From the hub's phone watch, for every engine push; returns without waiting for CRMs. */
export function crmOnPhoneChanged(
  prev: PhoneSnapshot | undefined,
  next: PhoneSnapshot,
  changed?: CallSnapshot,
): void {
  const events = callEvents(prev, next, changed);
  for (const call of events.started) started(call).catch(report('lookup'));
  for (const call of events.answered) {
    crm().lookup.answered(call.id, call.answeredAt).catch(report('answered'));
  }
  for (const call of events.ended) ended(call).catch(report('call log'));
}

export const crmHandlers = {
  'crm.status': async () =>
    crmStatuses({ settings: await settingsNow(), tabs: await queryTabs(), apiFor }),
  'caller.get': async ({ callId }: { callId: string }) => (await crm().lookup.card(callId)) ?? null,
  'caller.pick': async ({ callId, ref }: { callId: string; ref: RecordRef }) => {
    await crm().lookup.pick(callId, ref);
    return null;
  },
};

/** After the notification of a ringing call is shown: a CRM that already answered names the
 * caller in it now (a cached lookup answers before the notification exists). */
export async function crmNotificationShown(callId: string): Promise<void> {
  await crm().notifier.shown(callId);
}

export function onCrmAlarm(name: string): void {
  if (name === CALL_LOG_ALARM) crm().queue.drain().catch(report('call log drain'));
}

/** On every worker start: logs left from before are retried now. */
export function resumeCallLogs(): void {
  crm().queue.drain().catch(report('call log drain'));
}

/** For tests and the bench: the card as stored. */
export const callerCard = (callId: string) => crm().lookup.card(callId);
