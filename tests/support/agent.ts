/** The agent's side of a browser test: the extension registered on the test Kamailio. */
import { inject } from 'vitest';
import type { LaunchedExtension } from './browser.ts';
import { hubClient, type HubClient } from './hub-client.ts';
import { ACCOUNTS } from './kamailio.ts';

/**
 * Saves `user`'s account through the hub, as the options page does, and waits until the
 * engine is registered. The options page it opens stays open as the hub client's page.
 */
export async function registerAgent(
  browser: LaunchedExtension,
  user = 'agent',
): Promise<HubClient> {
  const hub = hubClient(await browser.openPage('extension/options/index.html'));
  const { wsUrl, domain } = inject('sip');
  await hub.send('settings.save', {
    patch: { sipServer: wsUrl, sipUri: `sip:${user}@${domain}`, password: ACCOUNTS[user] ?? '' },
  });
  await hub.until((s) => s.registration.state === 'registered');
  return hub;
}
