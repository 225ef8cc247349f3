import { describe, expect, it } from 'vitest';
import { crmOfUrl } from '../crm/hosts.ts';
import { crmTabs, dockTab, lookupTargets, screenPopTab, type TabInfo } from './tab-choice.ts';

const ALL = { salesforce: true, hubspot: true, zendesk: true };
const SETTINGS = { crmEnabled: ALL, extraHosts: {} };

const tabs: TabInfo[] = [
  {
    id: 1,
    url: 'https://acme.lightning.force.com/lightning/r/Contact/003/view',
    lastAccessed: 100,
  },
  { id: 2, url: 'https://app-eu1.hubspot.com/contacts/4711/record/0-1/101', lastAccessed: 300 },
  { id: 3, url: 'https://acme.zendesk.com/agent/tickets/4', lastAccessed: 200 },
  { id: 4, url: 'https://acme.lightning.force.com/lightning/page/home', lastAccessed: 250 },
  { id: 5, url: 'https://acme.zendesk.com/hc/en-us', lastAccessed: 900 },
  { id: 6, url: 'https://example.com/', lastAccessed: 1000 },
  { id: 7, url: 'https://other.lightning.force.com/lightning/page/home', lastAccessed: 50 },
];

describe('crmOfUrl', () => {
  it('knows each CRM by host, only agent pages for Zendesk, only https', () => {
    expect(crmOfUrl('https://acme--uat.sandbox.lightning.force.com/x')).toEqual({
      crm: 'salesforce',
      origin: 'https://acme--uat.sandbox.lightning.force.com',
    });
    expect(crmOfUrl('https://acme.zendesk.com/hc/en-us')).toBeUndefined();
    expect(crmOfUrl('http://app.hubspot.com/')).toBeUndefined();
    expect(crmOfUrl('https://evil.com/.lightning.force.com')).toBeUndefined();
    expect(crmOfUrl('not a url')).toBeUndefined();
  });

  it('adds the extra hosts an admin configured', () => {
    const extra = { extraHosts: { zendesk: ['support.example.com'] } };
    expect(crmOfUrl('https://support.example.com/agent/home', extra)?.crm).toBe('zendesk');
  });

  it("with the org's hosts set, counts only those and the extra hosts as that CRM", () => {
    const hosts = {
      orgHosts: { salesforce: ['acme.lightning.force.com'], zendesk: ['*.acme.example'] },
      extraHosts: { salesforce: ['crm.acme.example'] },
    };
    const crm = (url: string) => crmOfUrl(url, hosts)?.crm;
    expect(crm('https://acme.lightning.force.com/lightning/r/x')).toBe('salesforce');
    expect(crm('https://crm.acme.example/lightning/r/x')).toBe('salesforce');
    expect(crm('https://acme-support.lightning.force.com/lightning/r/x')).toBeUndefined();
    expect(crm('https://evil.zendesk.com/agent/tickets/1')).toBeUndefined();
    expect(crm('https://help.acme.example/agent/tickets/1')).toBe('zendesk');
    expect(crm('https://app.hubspot.com/contacts/1')).toBe('hubspot');
    const other = tabs.map((t) => ({ ...t, url: t.url?.replace('acme.', 'rival.') }));
    const targets = lookupTargets(other, { ...SETTINGS, ...hosts }).map((t) => t.crm);
    expect(targets).toEqual(['hubspot']);
  });

  it('reads *.domain as the domain and every subdomain of it, as Chrome does', () => {
    const extra = { extraHosts: { salesforce: ['*.Crm.Example.com'] } };
    expect(crmOfUrl('https://eu.crm.example.com/lightning/r/x', extra)?.crm).toBe('salesforce');
    expect(crmOfUrl('https://crm.example.com/', extra)?.crm).toBe('salesforce');
    expect(crmOfUrl('https://evilcrm.example.com/', extra)).toBeUndefined();
    expect(crmOfUrl('https://example.com/', extra)).toBeUndefined();
  });
});

describe('tab choice', () => {
  it('asks each CRM once, at the origin of its most recently used tab', () => {
    expect(lookupTargets(tabs, SETTINGS).map((t) => [t.crm, t.tabId])).toEqual([
      ['hubspot', 2],
      ['salesforce', 4],
      ['zendesk', 3],
    ]);
  });

  it('prefers a loaded tab to a more recent one the browser discarded', () => {
    const unloaded = tabs.map((t) => (t.id === 4 ? { ...t, discarded: true } : t));
    expect(lookupTargets(unloaded, SETTINGS).find((t) => t.crm === 'salesforce')?.tabId).toBe(1);
    expect(
      screenPopTab(unloaded, SETTINGS, 'salesforce', 'https://acme.lightning.force.com'),
    ).toMatchObject({ tabId: 1 });
  });

  it('leaves disabled CRMs out', () => {
    const settings = { ...SETTINGS, crmEnabled: { ...ALL, hubspot: false } };
    expect(lookupTargets(tabs, settings).map((t) => t.crm)).toEqual(['salesforce', 'zendesk']);
  });

  it('lists CRM tabs most recent first, ignoring other sites', () => {
    expect(crmTabs(tabs, SETTINGS).map((t) => t.tabId)).toEqual([2, 4, 3, 1, 7]);
    expect(crmTabs([{ id: 9, url: 'https://example.com/' }], SETTINGS)).toEqual([]);
  });

  it("screen-pops in the CRM's most recent tab of the same org, else any of that CRM", () => {
    expect(
      screenPopTab(tabs, SETTINGS, 'salesforce', 'https://acme.lightning.force.com')?.tabId,
    ).toBe(4);
    expect(
      screenPopTab(tabs, SETTINGS, 'salesforce', 'https://other.lightning.force.com')?.tabId,
    ).toBe(7);
    expect(
      screenPopTab(tabs, SETTINGS, 'salesforce', 'https://new.lightning.force.com')?.tabId,
    ).toBe(4);
    expect(screenPopTab([], SETTINGS, 'zendesk', 'https://acme.zendesk.com')).toBeUndefined();
  });

  it('treats tabs without lastAccessed as least recent', () => {
    const list = [
      { id: 1, url: 'https://app.hubspot.com/x' },
      { id: 2, url: 'https://app.hubspot.com/y', lastAccessed: 1 },
    ];
    expect(crmTabs(list, SETTINGS)[0]?.tabId).toBe(2);
  });
});

describe('dockTab', () => {
  const docked = new Set([1, 2, 3, 4, 6]);

  it('picks the CRM tab the agent is on, else the one used last, among tabs with a dock', () => {
    expect(dockTab(tabs, SETTINGS, docked, 3)).toBe(3);
    // The focused tab is no CRM tab (6) or has no dock (7): the CRM tab used last.
    expect(dockTab(tabs, SETTINGS, docked, 6)).toBe(2);
    expect(dockTab(tabs, SETTINGS, new Set([1, 3, 4]), 7)).toBe(4);
    expect(dockTab(tabs, SETTINGS, new Set([1, 3, 4]))).toBe(4);
  });

  it('names no tab when none shows a dock or recency is unknown: every dock unfolds', () => {
    expect(dockTab(tabs, SETTINGS, new Set([5, 6]))).toBeUndefined();
    const old = tabs.map(({ lastAccessed: _, ...tab }) => tab);
    expect(dockTab(old, SETTINGS, docked)).toBeUndefined();
    expect(dockTab(old, SETTINGS, docked, 1)).toBe(1);
  });
});
