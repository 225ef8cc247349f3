/**
 * The hub: the service worker's logic. Every listener is registered synchronously when the
 * worker starts, because Chrome delivers the event that woke it only to listeners present by
 * then. https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events
 */
import { createLogger } from '../core/logger.ts';
import { loadEffectiveSettings, onSettingsChanged } from '../settings/store.ts';
import { onCommand } from './commands.ts';
import { handleContextMenuClick } from './context-menu.ts';
import { dial } from './dial.ts';
import { onCrmAlarm, resumeCallLogs } from './crm-calls.ts';
import { engine } from './engine.ts';
import { onNotificationButton } from './notifications.ts';
import { syncExtraScripts } from './extra-hosts.ts';
import { injectIntoOpenTabs } from './open-tabs.ts';
import { syncFromEngine } from './phone-watch.ts';
import { routeHubMessages } from './router.ts';

const log = createLogger('hub');

/** The keep-alive re-creates the engine's document if Chrome closed it. */
const KEEPALIVE = 'engine-keepalive';
const KEEPALIVE_MINUTES = 0.5;

const report = (what: string) => (err: unknown) => log.error(what, err);

export function startHub(): void {
  routeHubMessages();

  chrome.notifications.onButtonClicked.addListener((id, index) => {
    onNotificationButton(id, index).catch(report('notification button failed'));
  });
  chrome.commands.onCommand.addListener((command) => {
    onCommand(command).catch(report(`command ${command} failed`));
  });
  // Chrome starts the worker with the browser only for an onStartup listener; then the
  // phone registers before anyone opens a view.
  chrome.runtime.onStartup.addListener(() => {
    engine.revive().catch(report('could not start the engine'));
  });
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === KEEPALIVE) engine.revive().catch(report('keep-alive failed'));
    onCrmAlarm(alarm.name);
  });
  chrome.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') {
      injectIntoOpenTabs().catch(report('could not reach the open CRM tabs'));
    }
    // Also (re)creates the context menu entry, with the extra hosts' pages.
    syncExtraScripts().catch(report('could not set up the context menu and extra hosts'));
  });
  // Host access to an extra host is granted (or taken back) in the options page or Chrome's
  // extension settings; the scripts there follow.
  const extraHostsChanged = () => {
    syncExtraScripts().catch(report('could not set up the extra hosts'));
  };
  chrome.permissions.onAdded.addListener(extraHostsChanged);
  chrome.permissions.onRemoved.addListener(extraHostsChanged);
  chrome.contextMenus.onClicked.addListener((info) => {
    callSelection(info).catch(report('could not call the selection'));
  });
  onSettingsChanged(() => {
    engine.reconfigure().catch(report('could not reconfigure the engine'));
    extraHostsChanged();
  });

  void chrome.alarms.get(KEEPALIVE).then((alarm) => {
    if (!alarm) return chrome.alarms.create(KEEPALIVE, { periodInMinutes: KEEPALIVE_MINUTES });
  });

  // Every start (install, browser start, or a wake) brings the engine up and takes its
  // state: the phone registers without waiting for a view, and a restarted worker rebuilds.
  syncFromEngine().catch(report('could not reach the engine'));
  resumeCallLogs();
}

/** The context menu's "Call <selection>", with the effective settings. */
export async function callSelection(
  info: Pick<chrome.contextMenus.OnClickData, 'menuItemId' | 'selectionText' | 'pageUrl'>,
): Promise<void> {
  const { defaultCountry, extraHosts, orgHosts } = await loadEffectiveSettings();
  await handleContextMenuClick(info, {
    defaultCountry,
    hosts: { extraHosts, orgHosts },
    dial: (target, record) => dial(record ? { target, record } : { target }),
  });
}
