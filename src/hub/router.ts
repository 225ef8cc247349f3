/**
 * Everything sent to the hub: who may send what, and where it goes. Content scripts run in
 * CRM pages and may only ask for state and dial; the offscreen document only reports; the
 * extension's own pages may do the rest. Every payload is shape-checked first.
 */
import type { MessageName, Request } from '../protocol/channel.ts';
import { handleMessages, type Handler } from '../protocol/runtime.ts';
import { senderKind, type SenderInfo, type SenderKind } from '../protocol/sender.ts';
import { checkPayload } from '../protocol/validate.ts';
import { pageConfig } from '../crm/page-config.ts';
import { dockAllowed, dockSites } from './extra-hosts.ts';
import { loadEffectiveSettings, loadSettingsView, saveSettings } from '../settings/store.ts';
import { testAccount } from './account-test.ts';
import { dial } from './dial.ts';
import { engine } from './engine.ts';
import { localizeEngineError } from './engine-errors.ts';
import { showDialFailure } from './notifications.ts';
import { openOnboarding } from './onboarding.ts';
import { crmHandlers } from './crm-calls.ts';
import { clearMissed, missedCount, onPhoneChanged } from './phone-watch.ts';

const FROM_CONTENT: MessageName[] = ['phone.snapshot', 'phone.dial', 'page.config'];
const FROM_ENGINE: MessageName[] = ['engine.ready', 'phone.changed'];
const FROM_PAGES: MessageName[] = [
  'phone.snapshot',
  'phone.dial',
  'call.answer',
  'call.decline',
  'call.hangup',
  'call.mute',
  'call.hold',
  'call.dtmf',
  'call.transfer',
  'history.missed',
  'history.clearMissed',
  'media.granted',
  'media.openOnboarding',
  'settings.get',
  'settings.save',
  'account.test',
  'caller.get',
  'caller.pick',
  'crm.status',
];

const ALLOWED: Record<SenderKind, ReadonlySet<MessageName>> = {
  content: new Set(FROM_CONTENT),
  offscreen: new Set(FROM_ENGINE),
  'extension-page': new Set(FROM_PAGES),
  worker: new Set(),
  foreign: new Set(),
};

/** A refusal reason, or null when this sender may send this payload. */
export function admit(
  name: string,
  payload: unknown,
  sender: SenderInfo,
  extensionId = chrome.runtime.id,
): string | null {
  const kind = senderKind(sender, extensionId);
  if (!ALLOWED[kind].has(name as MessageName)) return `${name} is not accepted from ${kind}`;
  return checkPayload(name, payload);
}

const forward =
  <K extends MessageName>(name: K): Handler<K> =>
  (payload: Request<K>) =>
    engine.send(name, payload).catch((error: unknown) => {
      throw localizeEngineError(error);
    });

export function routeHubMessages(): () => void {
  return handleMessages(
    'hub',
    {
      'phone.snapshot': forward('phone.snapshot'),
      'phone.dial': (request, sender) =>
        dial(request).catch(async (error: unknown) => {
          // A page's call control only turns red: say why where the agent sees it.
          if (senderKind(sender, chrome.runtime.id) === 'content') {
            await showDialFailure(error instanceof Error ? error.message : String(error));
          }
          throw error;
        }),
      'page.config': async ({ crm }, sender) => {
        const dock = dockAllowed(sender.tab?.url, dockSites());
        return pageConfig(await loadEffectiveSettings(), crm, dock);
      },
      'call.answer': forward('call.answer'),
      'call.decline': forward('call.decline'),
      'call.hangup': forward('call.hangup'),
      'call.mute': forward('call.mute'),
      'call.hold': forward('call.hold'),
      'call.dtmf': forward('call.dtmf'),
      'call.transfer': forward('call.transfer'),
      'phone.changed': async ({ snapshot, changed }) => {
        await onPhoneChanged(snapshot, changed);
        return null;
      },
      'history.missed': async () => ({ count: await missedCount() }),
      'history.clearMissed': async () => {
        await clearMissed();
        return null;
      },
      'media.granted': async () => {
        await engine.send('media.check', null);
        return null;
      },
      'media.openOnboarding': async () => {
        await openOnboarding();
        return null;
      },
      'settings.get': () => loadSettingsView(),
      'settings.save': ({ patch }) => saveSettings(patch),
      'account.test': ({ patch }) => testAccount(patch),
      'engine.ready': () => {
        engine.notifyReady();
        return null;
      },
      ...crmHandlers,
    },
    { admit: (envelope, sender) => admit(envelope.name, envelope.payload, sender) },
  );
}
