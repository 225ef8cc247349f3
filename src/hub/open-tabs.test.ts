import { describe, expect, it } from 'vitest';
import { planInjections, type OpenTab } from './open-tabs.ts';

const ENTRIES = [
  { matches: ['https://*.lightning.force.com/*'], js: ['assets/salesforce-loader.js'] },
  { matches: ['https://*.zendesk.com/agent/*'], js: ['assets/zendesk-loader.js'] },
  {
    matches: ['https://*.lightning.force.com/*', 'https://*.zendesk.com/*'],
    js: ['assets/tel-loader.js'],
    all_frames: true,
  },
  { matches: ['https://*.example.com/*'], css: ['x.css'] },
];

/** Open tabs by the match pattern that covers them, as chrome.tabs.query answers. */
const OPEN: Record<string, OpenTab[]> = {
  'https://*.lightning.force.com/*': [{ id: 1 }, { id: 2, discarded: true }],
  'https://*.zendesk.com/agent/*': [{ id: 3 }],
  'https://*.zendesk.com/*': [{ id: 3 }, { id: 4 }],
  'https://*.example.com/*': [{ id: 9 }],
};

const queryTabs = (urls: string[]) =>
  Promise.resolve([...new Map(urls.flatMap((u) => OPEN[u] ?? []).map((t) => [t.id, t])).values()]);

describe('planInjections', () => {
  it("gives each open tab its entries' scripts, in manifest order, with their frames", async () => {
    expect(await planInjections(ENTRIES, queryTabs)).toEqual([
      { tabId: 1, allFrames: false, files: ['assets/salesforce-loader.js'] },
      { tabId: 3, allFrames: false, files: ['assets/zendesk-loader.js'] },
      { tabId: 1, allFrames: true, files: ['assets/tel-loader.js'] },
      { tabId: 3, allFrames: true, files: ['assets/tel-loader.js'] },
      { tabId: 4, allFrames: true, files: ['assets/tel-loader.js'] },
    ]);
  });

  it('leaves out discarded tabs, entries without scripts and tabs without id', async () => {
    const plan = await planInjections(
      [...ENTRIES, { matches: ['https://x.test/*'], js: ['a.js'] }],
      (urls) => (urls[0] === 'https://x.test/*' ? Promise.resolve([{}]) : queryTabs(urls)),
    );
    expect(plan.map((p) => p.tabId)).not.toContain(2);
    expect(plan.map((p) => p.tabId)).not.toContain(9);
    expect(plan).toHaveLength(5);
  });
});
