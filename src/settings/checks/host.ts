/**
 * Host names and addresses as servers and SIP URIs carry them. Pure string checks, the same
 * in every context.
 */
import { builtInHosts, CRM_NAMES, hostsOverlap, isBuiltInHost } from '../../crm/hosts.ts';
import type { CrmName } from '../../protocol/phone-state.ts';
import { fail, ok, type Checked } from './problem.ts';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);

export const isIpv4 = (host: string): boolean => IPV4.test(host);

/** `[2001:db8::1]`, brackets included, as URLs and SIP URIs write IPv6 (RFC 3986 §3.2.2). */
export function isIpv6Literal(host: string): boolean {
  if (!/^\[[0-9a-f:.]+\]$/i.test(host)) return false;
  try {
    return new URL(`http://${host}/`).hostname !== '';
  } catch {
    return false;
  }
}

/**
 * A DNS host name (RFC 1123 labels). An internationalised name is taken in its `xn--` form,
 * as the URL parser and Chrome's match patterns write it: `exämple.de` → `xn--exmple-cua.de`.
 * `minLabels` 2 refuses single-label names such as `intranet`.
 */
export function checkHostName(input: string, minLabels = 1): Checked<string> {
  const host = toAscii(input.trim().toLowerCase().replace(/\.$/, ''));
  if (host === '') return fail('required');
  if (/[/:@?#]/.test(host)) return fail('hostOnly');
  if (host.length > 253) return fail('tooLong', 253);

  const labels = host.split('.');
  const valid = labels.length >= minLabels && labels.every((l) => LABEL.test(l));
  // An all-digit top label is an IP address or a typo, never a DNS name.
  if (!valid || /^\d+$/.test(labels[labels.length - 1] ?? '')) {
    return fail('invalidHost', input.trim());
  }
  return ok(host);
}

/** Letters, digits and marks beyond ASCII through the URL parser's IDNA; anything else as is. */
function toAscii(host: string): string {
  if (!/[^\p{ASCII}]/u.test(host) || !/^[\p{L}\p{M}\p{N}.-]+$/u.test(host)) return host;
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return host;
  }
}

/** A host name, an IPv4 address or a bracketed IPv6 address, as a server's host. */
export function checkHost(input: string): Checked<string> {
  const host = input.trim();
  if (isIpv4(host)) return ok(host);
  if (isIpv6Literal(host)) return ok(host.toLowerCase());
  const name = checkHostName(host);
  return name.ok || name.code === 'required' ? name : fail('invalidHost', host);
}

/**
 * Suffixes under which anyone gets a site: second-level ones under country domains (`co.uk`,
 * `com.au`, `gv.at`) and common hosting platforms (`github.io`, `azurewebsites.net`).
 */
const COUNTRY_SUFFIX = /^(?:ac|co|com|edu|go|gob|gov|gv|ltd|mil|ne|net|or|org|plc)\.[a-z]{2}$/;
const HOSTING_SUFFIXES = new Set(
  (
    'github.io gitlab.io herokuapp.com azurewebsites.net cloudfront.net appspot.com web.app ' +
    'firebaseapp.com netlify.app vercel.app pages.dev workers.dev blogspot.com amazonaws.com ' +
    'onrender.com'
  ).split(' '),
);
const isPublicSuffix = (name: string): boolean =>
  COUNTRY_SUFFIX.test(name) || HOSTING_SUFFIXES.has(name);

/**
 * A CRM host name, optionally with a wildcard: `*.` as the whole first label only, in front of
 * at least two labels, so `*.example.com` is allowed and `*.com`, `*.co.uk` or `crm*.example.com`
 * are not.
 */
export function checkHostPattern(input: string): Checked<string> {
  const pattern = input.trim().toLowerCase();
  if (pattern.startsWith('*.')) {
    const rest = checkHostName(pattern.slice(2));
    // Not every site under a top-level domain or a country's public suffix (`*.co.uk`).
    if (rest.ok && (!rest.value.includes('.') || isPublicSuffix(rest.value))) {
      return fail('wildcardTooBroad', input.trim(), rest.value);
    }
    return rest.ok
      ? ok(`*.${rest.value}`)
      : rest.code === 'invalidHost'
        ? fail('invalidHost', input.trim())
        : rest;
  }
  if (pattern.includes('*')) return fail('badWildcard', input.trim());
  if (isIpv4(pattern) || isIpv6Literal(pattern)) return fail('ipNotHost', input.trim());
  return checkHostName(pattern, 2);
}

/**
 * This computer: `localhost`, `*.localhost`, `::1` or an IPv4 address in 127.0.0.0/8, written
 * as the URL parser leaves it (`127.1` becomes `127.0.0.1`). A name that only starts with
 * `127.` (`127.0.0.1.example.com`) is a remote host.
 */
/**
 * One of the org's own hosts for a CRM (`orgHosts`): a host pattern within that CRM's hosts.
 * Any other host belongs in `extraHosts`, which also asks Chrome for access to it.
 */
export function checkOrgHost(crm: CrmName, input: string): Checked<string> {
  const host = checkHostPattern(input);
  if (!host.ok) return host;
  if (isBuiltInHost(crm, host.value)) return host;
  return fail('notCrmHost', input.trim(), builtInHosts(crm).join(', '));
}

/**
 * A check for the extra hosts of all CRMs in one pass: each as `checkHostPattern`, and none
 * sharing a host with another CRM's own hosts or its extra hosts checked before. `crmOfUrl`
 * would give such a page to whichever CRM it asks first, without a word. Within one CRM a
 * repeat or a host inside another of its patterns is harmless.
 */
export function extraHostChecker(): (crm: CrmName, input: string) => Checked<string> {
  const named = CRM_NAMES.flatMap((crm) => builtInHosts(crm).map((host) => ({ crm, host })));
  return (crm, input) => {
    const host = checkHostPattern(input);
    if (!host.ok) return host;

    const other = named.find((n) => n.crm !== crm && hostsOverlap(n.host, host.value));
    if (other?.host === host.value) return fail('hostTwice', input.trim());
    if (other) return fail('hostOverlap', input.trim(), other.host);
    named.push({ crm, host: host.value });
    return host;
  };
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' || host.endsWith('.localhost') || host === '::1' || LOOPBACK_V4.test(host)
  );
}

const LOOPBACK_V4 = /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** A port as written after `:`: 1 to 65535. */
export const isPort = (text: string): boolean =>
  /^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65_535;
