// @vitest-environment jsdom
import '../testing.ts';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { expect, it, vi } from 'vitest';
import type { SettingsPatch } from '../../protocol/messages.ts';
import type { SettingsHub } from '../ports.ts';
import { makeView, savedView } from './fixtures.ts';
import { OptionsApp } from './options-app.tsx';

it('re-reads the settings when the admin policy changes, showing new locks at once', async () => {
  let policyChanged = (): void => {};
  const load = vi
    .fn<SettingsHub['load']>()
    .mockResolvedValueOnce(makeView())
    .mockResolvedValueOnce(makeView({ locked: ['sipServer'] }));
  const hub: SettingsHub = {
    load,
    save: vi.fn(),
    test: vi.fn(),
    onPolicyChanged: (listener) => {
      policyChanged = listener;
      return () => {};
    },
  };
  render(
    <OptionsApp hub={hub} loadDevices={() => Promise.resolve([])} onOpenOnboarding={vi.fn()} />,
  );

  const server = await screen.findByLabelText('Server URL (WebSocket)');
  expect(server).toBeEnabled();
  policyChanged();
  await waitFor(() => expect(screen.getByLabelText('Server URL (WebSocket)')).toBeDisabled());
  expect(load).toHaveBeenCalledTimes(2);
});

it('names the saved extra hosts Chrome cannot reach yet, and asks for them on a click', async () => {
  const saved = makeView();
  const extraHosts = { salesforce: ['crm.example.com'], hubspot: [], zendesk: ['*.help.test'] };
  saved.values = { ...saved.values, extraHosts };
  const granted = new Set<string>(['*.help.test']);
  const request = vi.fn((hosts: string[]) => {
    for (const host of hosts) granted.add(host);
    return Promise.resolve(true);
  });
  const hub: SettingsHub = {
    load: () => Promise.resolve(saved),
    save: vi.fn(),
    test: vi.fn(),
    hostAccess: {
      missing: (hosts) => Promise.resolve(hosts.filter((h) => !granted.has(h))),
      request,
    },
  };
  render(
    <OptionsApp hub={hub} loadDevices={() => Promise.resolve([])} onOpenOnboarding={vi.fn()} />,
  );

  const notice = await screen.findByText(/No access to crm\.example\.com yet/);
  expect(screen.queryByText(/help\.test/)).toBeNull();
  screen.getByRole('button', { name: 'Allow access' }).click();
  expect(request).toHaveBeenCalledWith(['crm.example.com']);
  await waitFor(() => expect(notice).not.toBeInTheDocument());
});

it('keeps naming a host just saved after the agent denies Chrome its access', async () => {
  const saved = makeView();
  const request = vi.fn(() => Promise.resolve(false));
  const hub: SettingsHub = {
    load: () => Promise.resolve(makeView()),
    save: vi.fn((patch: SettingsPatch) => Promise.resolve(savedView(saved, patch))),
    test: vi.fn(),
    hostAccess: { missing: (hosts) => Promise.resolve([...hosts]), request },
  };
  render(
    <OptionsApp hub={hub} loadDevices={() => Promise.resolve([])} onOpenOnboarding={vi.fn()} />,
  );
  const field = await screen.findByLabelText('Additional host names for Salesforce');
  fireEvent.input(field, { target: { value: 'crm.example.com' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));

  await screen.findByText(/No access to crm\.example\.com yet/);
  fireEvent.click(screen.getByRole('button', { name: 'Allow access' }));
  await waitFor(() => expect(request).toHaveBeenCalledWith(['crm.example.com']));
  await new Promise((r) => setTimeout(r, 50));
  expect(screen.getByText(/No access to crm\.example\.com yet/)).toBeInTheDocument();
});

it("asks Chrome for one CRM's hosts from that CRM's button", async () => {
  const saved = makeView();
  const extraHosts = {
    salesforce: ['crm.example.com'],
    hubspot: [],
    zendesk: ['help.example.com'],
  };
  saved.values = { ...saved.values, extraHosts };
  const request = vi.fn(() => Promise.resolve(false));
  const hub: SettingsHub = {
    load: () => Promise.resolve(saved),
    save: vi.fn(),
    test: vi.fn(),
    hostAccess: { missing: (hosts) => Promise.resolve([...hosts]), request },
  };
  render(
    <OptionsApp hub={hub} loadDevices={() => Promise.resolve([])} onOpenOnboarding={vi.fn()} />,
  );
  await screen.findByText(/No access to help\.example\.com yet/);
  const [salesforce, zendesk] = screen.getAllByRole('button', { name: 'Allow access' });
  fireEvent.click(zendesk as HTMLElement);
  fireEvent.click(salesforce as HTMLElement);
  expect(request.mock.calls).toEqual([[['help.example.com']], [['crm.example.com']]]);
});
