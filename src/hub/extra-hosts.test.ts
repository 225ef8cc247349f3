import { describe, expect, it } from 'vitest';
import { dockAllowed, menuPages, planExtraScripts } from './extra-hosts.ts';

/** The built manifest's entries (scripts/vite-content-scripts.ts names the files). */
const ENTRIES = [
  { matches: ['https://*.lightning.force.com/*'], js: ['content/salesforce.js'] },
  { matches: ['https://app.hubspot.com/*'], js: ['content/hubspot.js'] },
  { matches: ['https://*.zendesk.com/agent/*'], js: ['content/zendesk.js'] },
  { matches: ['https://*.zendesk.com/*'], js: ['content/tel.js'], all_frames: true },
];

const ON = { salesforce: true, hubspot: true, zendesk: true };

describe('planExtraScripts', () => {
  it("registers each CRM's own script on its granted hosts, and call links in every frame", () => {
    const extraHosts = {
      salesforce: ['acme.my.salesforce.com', '*.crm.example.com'],
      zendesk: ['Support.Example.com'],
    };
    expect(planExtraScripts({ extraHosts, crmEnabled: ON }, ENTRIES, () => true)).toEqual([
      {
        id: 'extra-salesforce',
        js: ['content/salesforce.js'],
        matches: ['https://acme.my.salesforce.com/*', 'https://*.crm.example.com/*'],
        allFrames: false,
      },
      {
        id: 'extra-zendesk',
        js: ['content/zendesk.js'],
        matches: ['https://support.example.com/agent', 'https://support.example.com/agent/*'],
        allFrames: false,
      },
      {
        id: 'extra-links',
        js: ['content/tel.js'],
        matches: [
          'https://acme.my.salesforce.com/*',
          'https://*.crm.example.com/*',
          'https://support.example.com/*',
        ],
        allFrames: true,
      },
    ]);
  });

  it("puts the context menu on the CRMs' pages there, not on every page of the host", () => {
    const extraHosts = { salesforce: ['crm.example.com'], zendesk: ['help.example.com'] };
    const plan = planExtraScripts({ extraHosts, crmEnabled: ON }, ENTRIES, () => true);
    expect(menuPages(plan)).toEqual([
      'https://crm.example.com/*',
      'https://help.example.com/agent',
      'https://help.example.com/agent/*',
    ]);
  });

  it('leaves out hosts without access and disabled CRMs; nothing at all without hosts', () => {
    const extraHosts = { salesforce: ['a.example.com', 'b.example.com'], hubspot: ['h.test'] };
    const granted = (origin: string) => origin !== 'https://b.example.com/*';
    const crmEnabled = { ...ON, hubspot: false };
    const plan = planExtraScripts({ extraHosts, crmEnabled }, ENTRIES, granted);
    expect(plan.map((s) => [s.id, s.matches])).toEqual([
      ['extra-salesforce', ['https://a.example.com/*']],
      ['extra-links', ['https://a.example.com/*']],
    ]);
    expect(planExtraScripts({ extraHosts: {}, crmEnabled: ON }, ENTRIES, () => true)).toEqual([]);
    expect(planExtraScripts({ extraHosts, crmEnabled: ON }, ENTRIES, () => false)).toEqual([]);
  });
});

describe('dockAllowed', () => {
  const SITES = ['https://*.lightning.force.com/*', 'https://app.hubspot.com/*'];

  it("is true on the manifest's sites only", () => {
    expect(dockAllowed('https://acme.lightning.force.com/lightning/page/home', SITES)).toBe(true);
    expect(dockAllowed('https://app.hubspot.com/contacts/1', SITES)).toBe(true);
    expect(dockAllowed('https://acme.my.salesforce.com/lightning/page/home', SITES)).toBe(false);
    expect(dockAllowed('https://evil-lightning.force.com/', SITES)).toBe(false);
    expect(dockAllowed('http://app.hubspot.com/', SITES)).toBe(false);
    expect(dockAllowed('https://app.hubspot.com.evil.test/', SITES)).toBe(false);
    expect(dockAllowed(undefined, SITES)).toBe(false);
    expect(dockAllowed('not a url', SITES)).toBe(false);
  });
});
