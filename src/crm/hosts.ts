/**
 * Which CRM a web page belongs to, by its host: the CRMs' own host names plus the extra
 * hosts an admin configured (custom Salesforce or Zendesk domains, setting `extraHosts`). With
 * `orgHosts` set for a CRM, only those hosts (and the extra ones) are that CRM: a tab of
 * another org or subdomain, such as a look-alike trial org the agent was lured to, is never
 * asked about callers, popped or used for logging.
 */
import type { CrmName, RecordRef } from '../protocol/phone-state.ts';

/** Host suffixes (`.x`) and exact hosts where each CRM's agent app runs. */
const HOSTS: Record<CrmName, string[]> = {
  salesforce: ['.lightning.force.com'],
  hubspot: ['app.hubspot.com', 'app-eu1.hubspot.com'],
  zendesk: ['.zendesk.com'],
};

export const CRM_NAMES: readonly CrmName[] = ['salesforce', 'hubspot', 'zendesk'];

/**
 * Whether a host as settings write it (`acme.zendesk.com`, `*.acme.zendesk.com`) lies within
 * the CRM's own hosts: where an org's own host (`orgHosts`) must be.
 */
export function isBuiltInHost(crm: CrmName, host: string): boolean {
  const name = hostPattern(host).replace(/^\./, '');
  return HOSTS[crm].some((h) => matches(h, name));
}

/** A CRM's own hosts as settings write them: `*.zendesk.com`, `app.hubspot.com`. */
export const builtInHosts = (crm: CrmName): string[] =>
  HOSTS[crm].map((h) => (h.startsWith('.') ? `*${h}` : h));

/**
 * Whether two hosts as settings write them take in a host in common, either way round:
 * `*.example.com` and `crm.example.com` do, so do `*.example.com` and `*.eu.example.com`.
 */
export function hostsOverlap(a: string, b: string): boolean {
  const [p, q] = [hostPattern(a), hostPattern(b)];
  return matches(p, q.replace(/^\./, '')) || matches(q, p.replace(/^\./, ''));
}

/** Host names per CRM as settings write them: `crm.example.com`, or `*.example.com`. */
export type HostsPerCrm = Partial<Record<CrmName, readonly string[]>>;

export interface CrmHosts {
  extraHosts: HostsPerCrm;
  orgHosts?: HostsPerCrm;
}

export interface CrmPlace {
  crm: CrmName;
  /** The page's origin: which org, portal or subdomain. */
  origin: string;
}

export function crmOfUrl(
  url: string | undefined,
  { extraHosts, orgHosts = {} }: CrmHosts = { extraHosts: {} },
): CrmPlace | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;

  const host = parsed.hostname.toLowerCase();
  for (const crm of CRM_NAMES) {
    const own = orgHosts[crm]?.length ? orgHosts[crm] : HOSTS[crm];
    const patterns = [...own, ...(extraHosts[crm] ?? [])].map(hostPattern);
    const hit = patterns.some((p) => matches(p, host));
    if (hit && isAgentPage(crm, parsed)) return { crm, origin: parsed.origin };
  }
  return undefined;
}

/**
 * Whether `origin` may be written to as an org of `crm`: any origin while the admin has not
 * named the org's own hosts (HubSpot links, for one, use the portal's own UI host), else only
 * those and the extra hosts. A record from any other origin is not ours to write to, whatever
 * the page that offered it said.
 */
export function isOurOrg(crm: CrmName, origin: string, hosts: CrmHosts): boolean {
  if (!hosts.orgHosts?.[crm]?.length) return true;
  return crmOfUrl(`${origin}${crm === 'zendesk' ? '/agent' : '/'}`, hosts)?.crm === crm;
}

/**
 * A record a call may carry (for its card and its log): with the org's own hosts set, one
 * from them only. A page of a look-alike org still dials, without its record.
 */
export function isOurRecord(record: RecordRef, hosts: CrmHosts): boolean {
  if (!hosts.orgHosts?.[record.crm]?.length) return true;
  if (!record.url || !URL.canParse(record.url)) return false;
  return isOurOrg(record.crm, new URL(record.url).origin, hosts);
}

/** A host as settings write it: `crm.example.com`, or `*.example.com` for it and its subdomains. */
function hostPattern(host: string): string {
  // The built-in suffixes are written `.x` already.
  const name = host.trim().toLowerCase();
  return name.startsWith('*.') ? name.slice(1) : name;
}

/**
 * Whether a pattern (`.x` for x and its subdomains, else one host) takes in the host `name`.
 * `*.example.com` takes example.com too, as Chrome's match patterns (content scripts, host
 * access, context menu) do.
 */
function matches(pattern: string, name: string): boolean {
  return pattern.startsWith('.')
    ? name.endsWith(pattern) || name === pattern.slice(1)
    : name === pattern;
}

/** Zendesk's help center shares the host; only the agent workspace has the session we use. */
function isAgentPage(crm: CrmName, url: URL): boolean {
  return crm !== 'zendesk' || url.pathname.startsWith('/agent');
}
