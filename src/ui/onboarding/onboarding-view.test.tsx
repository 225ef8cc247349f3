// @vitest-environment jsdom
import '../testing.ts';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { MicrophoneAccess, MicrophoneResult } from '../ports.ts';
import { OnboardingView } from './onboarding-view.tsx';

const ORIGIN = 'chrome-extension://mmdgkapiggfoabalcempglkjonlknglf';

function setup(stored: 'granted' | 'denied' | 'prompt', answer: MicrophoneResult = 'granted') {
  const mic: MicrophoneAccess = {
    state: vi.fn(() => Promise.resolve(stored)),
    request: vi.fn(() => Promise.resolve(answer)),
    reportGranted: vi.fn(() => Promise.resolve()),
    openSiteSettings: vi.fn(),
  };
  render(<OnboardingView mic={mic} origin={ORIGIN} />);
  return mic;
}

describe('OnboardingView', () => {
  it('explains why, asks once, and reports the grant to the hub', async () => {
    const mic = setup('prompt', 'granted');
    expect(screen.getByText(/background page cannot ask/)).toBeInTheDocument();
    fireEvent.click(await screen.findByRole('button', { name: 'Allow microphone' }));

    expect(await screen.findByText(/You can close this tab/)).toBeInTheDocument();
    expect(mic.request).toHaveBeenCalledOnce();
    expect(mic.reportGranted).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Allow microphone' })).toBeNull();
  });

  it('says so at once when the grant is already stored', async () => {
    const mic = setup('granted');
    expect(await screen.findByText(/You can close this tab/)).toBeInTheDocument();
    expect(mic.request).not.toHaveBeenCalled();
    expect(mic.reportGranted).toHaveBeenCalledOnce();
  });

  it('shows how to allow a blocked microphone in Chrome’s settings', async () => {
    const mic = setup('prompt', 'denied');
    fireEvent.click(await screen.findByRole('button', { name: 'Allow microphone' }));

    expect(await screen.findByText(/blocked for this extension/)).toBeInTheDocument();
    expect(screen.getByText('chrome://settings/content/microphone')).toBeInTheDocument();
    expect(screen.getByText(new RegExp(ORIGIN))).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Open microphone settings/ }));
    expect(mic.openSiteSettings).toHaveBeenCalledOnce();
    expect(mic.reportGranted).not.toHaveBeenCalled();
  });

  it('starts from the instructions when the block is already stored', async () => {
    setup('denied');
    expect(await screen.findByText(/blocked for this extension/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('asks to plug in a microphone when none is found, and tries again', async () => {
    const mic = setup('prompt', 'missing');
    fireEvent.click(await screen.findByRole('button', { name: 'Allow microphone' }));
    expect(await screen.findByText(/No microphone found. Plug one in/)).toBeInTheDocument();

    vi.mocked(mic.request).mockResolvedValueOnce('granted');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(mic.reportGranted).toHaveBeenCalledOnce());
  });

  it('points at another application holding the device', async () => {
    setup('prompt', 'unavailable');
    fireEvent.click(await screen.findByRole('button', { name: 'Allow microphone' }));
    expect(await screen.findByText(/Another application may be using it/)).toBeInTheDocument();
  });
});
