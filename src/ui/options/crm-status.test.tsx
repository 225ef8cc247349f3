// @vitest-environment jsdom
import '../testing.ts';
import { render, screen, waitFor } from '@testing-library/preact';
import { expect, it, vi } from 'vitest';
import type { CrmStatus } from '../../protocol/caller-card.ts';
import type { SettingsHub } from '../ports.ts';
import { makeView } from './fixtures.ts';
import { OptionsApp } from './options-app.tsx';

function setup(statuses: Promise<CrmStatus[]>, view = makeView()) {
  const hub: SettingsHub = {
    load: () => Promise.resolve(view),
    save: vi.fn(() => Promise.resolve(makeView())),
    test: vi.fn(),
    crmStatus: vi.fn(() => statuses),
  };
  render(
    <OptionsApp hub={hub} loadDevices={() => Promise.resolve([])} onOpenOnboarding={vi.fn()} />,
  );
  return hub;
}

it("shows each CRM's connection, and that it is checking meanwhile", async () => {
  let answer: (s: CrmStatus[]) => void = () => undefined;
  setup(new Promise((resolve) => (answer = resolve)));
  expect((await screen.findAllByText('Checking the connection…')).length).toBe(3);

  answer([
    { crm: 'salesforce', state: 'connected' },
    { crm: 'hubspot', state: 'signin' },
    { crm: 'zendesk', state: 'no-tab' },
  ]);
  expect(await screen.findByText('Salesforce: connected.')).toBeInTheDocument();
  // makeView stores no HubSpot token.
  expect(screen.getByText(/^HubSpot: no private app token yet\./)).toBeInTheDocument();
  expect(screen.getByText('Zendesk: open Zendesk in a tab to connect.')).toBeInTheDocument();
});

it('says when a CRM does not permit access', async () => {
  setup(Promise.resolve([{ crm: 'salesforce', state: 'forbidden' }]));
  await waitFor(() => expect(screen.getByText(/^Salesforce: not permitted\./)).toBeInTheDocument());
});

it('says HubSpot refused the token when one is stored', async () => {
  setup(
    Promise.resolve([{ crm: 'hubspot', state: 'signin' }]),
    makeView({ secrets: { password: true, hubspotToken: true } }),
  );
  expect(await screen.findByText(/^HubSpot refused the private app token\./)).toBeInTheDocument();
});
