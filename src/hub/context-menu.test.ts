import { describe, expect, it, vi } from 'vitest';
import type { CrmHosts } from '../crm/hosts.ts';
import type { RecordRef } from '../protocol/phone-state.ts';
import { CONTEXT_MENU_ID, handleContextMenuClick, matchesPattern } from './context-menu.ts';

const click = async (
  selectionText: string,
  pageUrl?: string,
  menuItemId = CONTEXT_MENU_ID,
  hosts: CrmHosts = { extraHosts: {} },
) => {
  const dial = vi.fn<(target: string, record?: RecordRef) => Promise<unknown>>(() =>
    Promise.resolve(),
  );
  const outcome = await handleContextMenuClick(
    { menuItemId, selectionText, pageUrl },
    { defaultCountry: 'DE', hosts, dial },
  );
  return { outcome, calls: dial.mock.calls };
};

describe('handleContextMenuClick', () => {
  it('dials the number in the selection, with the record of a CRM record page', async () => {
    const url = 'https://acme.lightning.force.com/lightning/r/Contact/003000000000001AAA/view';
    const { outcome, calls } = await click('Tel.: +49 (0)30 1234567', url);
    expect(outcome).toBe('dialled');
    expect(calls).toEqual([
      ['+49301234567', { crm: 'salesforce', type: 'Contact', id: '003000000000001AAA', url }],
    ]);
  });

  it("takes the record on an extra host's page, and none on a look-alike org's", async () => {
    const path = '/lightning/r/Contact/003000000000001AAA/view';
    const hosts = {
      extraHosts: { salesforce: ['crm.example.com'] },
      orgHosts: { salesforce: ['acme.lightning.force.com'] },
    };
    const extra = await click('030 1234567', `https://crm.example.com${path}`, undefined, hosts);
    expect(extra.calls[0]?.[1]).toMatchObject({ crm: 'salesforce', id: '003000000000001AAA' });
    const evil = `https://acme-trial.lightning.force.com${path}`;
    const lookalike = await click('030 1234567', evil, undefined, hosts);
    expect(lookalike.calls).toEqual([['+49301234567', undefined]]);
  });

  it('reads national numbers, extensions and internal numbers', async () => {
    expect((await click('030 1234567 x12')).calls[0]?.[0]).toBe('+49301234567;ext=12');
    expect((await click(' 4711 ')).calls[0]?.[0]).toBe('4711');
  });

  it('does nothing for a selection without a number, or another menu entry', async () => {
    for (const selection of ['Geboren am 05.10.1986', '12.03.2024', 'Rechnung 2024-0815-1234']) {
      expect(await click(selection)).toEqual({ outcome: 'no-number', calls: [] });
    }
    expect(await click('+49 30 1234567', undefined, 'other')).toEqual({
      outcome: 'ignored',
      calls: [],
    });
  });
});

describe('matchesPattern', () => {
  it.each<[string, string, boolean]>([
    ['https://acme.lightning.force.com/x', 'https://*.lightning.force.com/*', true],
    ['https://lightning.force.com/x', 'https://*.lightning.force.com/*', true],
    ['https://evil-lightning.force.com/x', 'https://*.lightning.force.com/*', false],
    ['https://acme.zendesk.com/agent/users/1', 'https://*.zendesk.com/agent/*', true],
    ['https://acme.zendesk.com/hc/en-us', 'https://*.zendesk.com/agent/*', false],
    ['http://app.hubspot.com/contacts', 'https://app.hubspot.com/*', false],
  ])('%s ~ %s → %s', (url, pattern, expected) => {
    expect(matchesPattern(new URL(url), pattern)).toBe(expected);
  });
});
