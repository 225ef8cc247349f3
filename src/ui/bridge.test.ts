/**
 * The bridge's contract with the hub: the envelope it sends, how it unwraps replies, and which
 * pushes reach a view. `chrome` here is a minimal stand-in for the runtime API's shape.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeSnapshot } from './phone/fixtures.ts';

type Listener = (message: unknown, sender: { tab?: object }) => void;

const listeners = new Set<Listener>();
const sendMessage = vi.fn<(message: unknown) => Promise<unknown>>();

beforeEach(() => {
  vi.stubGlobal('chrome', {
    runtime: {
      sendMessage,
      onMessage: {
        addListener: (l: Listener) => listeners.add(l),
        removeListener: (l: Listener) => listeners.delete(l),
      },
    },
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  listeners.clear();
  sendMessage.mockReset();
});

const { HubError, phoneHub, settingsHub } = await import('./bridge.ts');

describe('bridge requests', () => {
  it('sends the channel envelope to the hub and returns the value', async () => {
    const snapshot = makeSnapshot();
    sendMessage.mockResolvedValue({ ok: true, value: snapshot });
    await expect(phoneHub.snapshot()).resolves.toEqual(snapshot);
    expect(sendMessage).toHaveBeenCalledWith({ to: 'hub', name: 'phone.snapshot', payload: null });
  });

  it('sends commands with their payload', async () => {
    sendMessage.mockResolvedValue({ ok: true, value: null });
    await phoneHub.command('call.hold', { callId: 'c1', held: true });
    await settingsHub.save({ displayName: 'Alice' });
    expect(sendMessage.mock.calls).toEqual([
      [{ to: 'hub', name: 'call.hold', payload: { callId: 'c1', held: true } }],
      [{ to: 'hub', name: 'settings.save', payload: { patch: { displayName: 'Alice' } } }],
    ]);
  });

  it('turns a refusal, a missing reply and a dead hub into HubError', async () => {
    sendMessage.mockResolvedValueOnce({ ok: false, error: 'invalid target' });
    await expect(phoneHub.dial('x')).rejects.toThrow(new HubError('invalid target'));

    sendMessage.mockResolvedValueOnce(undefined);
    await expect(phoneHub.dial('1')).rejects.toThrow(HubError);

    sendMessage.mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    await expect(phoneHub.dial('1')).rejects.toThrow('Receiving end does not exist.');
  });
});

describe('bridge pushes', () => {
  it('passes phone.changed from the engine or hub, and nothing else', () => {
    const seen = vi.fn();
    const unsubscribe = phoneHub.subscribe(seen);
    const snapshot = makeSnapshot();
    const push = { to: 'views', name: 'phone.changed', payload: { snapshot } };

    listeners.forEach((l) => l(push, {}));
    listeners.forEach((l) => l(push, { tab: { id: 4 } }));
    listeners.forEach((l) => l({ to: 'hub', name: 'phone.dial', payload: { target: '1' } }, {}));
    listeners.forEach((l) => l('noise', {}));
    expect(seen.mock.calls).toEqual([[snapshot]]);

    unsubscribe();
    expect(listeners.size).toBe(0);
  });
});
