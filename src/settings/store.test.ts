import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSettingsView, saveSettings } from './store.ts';

const TURN = { urls: ['turn:turn.example.test:3478'], username: 'agent' };
const STUN = { urls: ['stun:stun.example.test:3478'] };

/** `storage.local` in memory, holding the user settings; no managed policy. */
function stubStorage(settings: Record<string, unknown>) {
  const area: Record<string, unknown> = { settings };
  vi.stubGlobal('chrome', {
    storage: {
      local: {
        get: (key: string) => Promise.resolve({ [key]: area[key] }),
        set: (items: Record<string, unknown>) => Promise.resolve(void Object.assign(area, items)),
      },
    },
  });
  return () => area.settings as Record<string, unknown>;
}

let stored: () => Record<string, unknown>;
beforeEach(() => {
  stored = stubStorage({
    password: 'sip-secret',
    iceServers: [{ ...TURN, credential: 'turn-secret' }],
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('the settings view of ICE servers', () => {
  it('says a credential is stored, and carries none', async () => {
    const view = await loadSettingsView();
    expect(view.values.iceServers).toEqual([{ ...TURN, credentialStored: true }]);
    expect(JSON.stringify(view)).not.toContain('turn-secret');
  });
});

describe('saving ICE servers from a view', () => {
  it('keeps the stored credential of a server sent without one', async () => {
    const view = await saveSettings({ iceServers: [{ ...TURN }, STUN] });
    expect(stored().iceServers).toEqual([{ ...TURN, credential: 'turn-secret' }, STUN]);
    expect(view.values.iceServers).toEqual([
      { ...TURN, credentialStored: true },
      { ...STUN, credentialStored: false },
    ]);
  });

  it('replaces it with a new one, and removes it with its server', async () => {
    await saveSettings({ iceServers: [{ ...TURN, credential: 'new-secret' }] });
    expect(stored().iceServers).toEqual([{ ...TURN, credential: 'new-secret' }]);

    await saveSettings({ iceServers: [STUN] });
    expect(stored().iceServers).toEqual([STUN]);
  });

  it('keeps no credential for another server or user name', async () => {
    const moved = { urls: 'turn:other.example.test:3478', username: 'agent' };
    const refused = { errors: [expect.objectContaining({ code: 'turnNeedsCredentials' })] };
    await expect(saveSettings({ iceServers: [moved] })).rejects.toMatchObject(refused);
    const renamed = { ...TURN, username: 'other' };
    await expect(saveSettings({ iceServers: [renamed] })).rejects.toMatchObject(refused);
    expect(stored().iceServers).toEqual([{ ...TURN, credential: 'turn-secret' }]);
  });
});
