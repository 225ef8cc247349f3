/**
 * Host access to the extra hosts of the settings (`extraHosts`): the manifest asks for any
 * https site as an optional permission, and each extra host is granted by the agent (options
 * page) before a content script may run there (src/hub/extra-hosts.ts).
 */
import { CRM_NAMES, type HostsPerCrm } from './hosts.ts';

/** The origin pattern access is asked for: `https://crm.example.com/*`, `https://*.x.com/*`. */
export function hostOrigin(host: string): string {
  return `https://${host.trim().toLowerCase()}/*`;
}

/** Every extra host of every CRM, once. */
export function allExtraHosts(extraHosts: HostsPerCrm): string[] {
  return [...new Set(CRM_NAMES.flatMap((crm) => extraHosts[crm] ?? []))];
}

/** The hosts among `hosts` that Chrome has not given the extension access to. */
export async function hostsWithoutAccess(hosts: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const host of hosts) {
    if (!(await chrome.permissions.contains({ origins: [hostOrigin(host)] }))) missing.push(host);
  }
  return missing;
}

/** Chrome's prompt for access to `hosts`; needs the click of the agent that asks for it. */
export function requestHostAccess(hosts: readonly string[]): Promise<boolean> {
  return chrome.permissions.request({ origins: hosts.map(hostOrigin) });
}
