import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkMicrophone } from './microphone.ts';

afterEach(() => vi.unstubAllGlobals());

function stubNavigator(state: PermissionState, kinds: MediaDeviceKind[] = ['audioinput']) {
  vi.stubGlobal('navigator', {
    permissions: { query: () => Promise.resolve({ state }) },
    mediaDevices: {
      enumerateDevices: () => Promise.resolve(kinds.map((kind) => ({ kind }))),
    },
  });
}

describe('checkMicrophone', () => {
  it('reports a permission nobody has answered as not yet allowed, not as blocked', async () => {
    stubNavigator('prompt');
    expect(await checkMicrophone()).toBe('not-yet-allowed');
  });

  it('reports a refused permission as blocked', async () => {
    stubNavigator('denied');
    expect(await checkMicrophone()).toBe('blocked');
  });

  it('with the grant, looks for an input device', async () => {
    stubNavigator('granted');
    expect(await checkMicrophone()).toBe('ok');
    stubNavigator('granted', ['audiooutput']);
    expect(await checkMicrophone()).toBe('missing');
  });
});
