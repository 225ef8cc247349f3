/**
 * The bridge's contract with the hub: it speaks the protocol's envelopes (src/protocol), turns
 * refusals into errors, and lets only the extension's own `phone.changed` pushes reach a view.
 * `chrome` here is a minimal stand-in for the runtime API's shape.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessageError, NoReceiverError } from '../protocol/runtime.ts';
import { makeSnapshot } from './phone/fixtures.ts';

type Sender = { id?: string; url?: string; tab?: object };
type Listener = (message: unknown, sender: Sender, respond: (reply: unknown) => void) => unknown;

const ID = 'mmdgkapiggfoabalcempglkjonlknglf';
const listeners = new Set<Listener>();
const sendMessage = vi.fn<(message: unknown) => Promise<unknown>>();

beforeEach(() => {
  vi.stubGlobal('chrome', {
    runtime: {
      id: ID,
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

const { phoneHub, settingsHub } = await import('./bridge.ts');

describe('bridge requests', () => {
  it('sends the protocol envelope to the hub and returns the value', async () => {
    const snapshot = makeSnapshot();
    sendMessage.mockResolvedValue({ ok: true, value: snapshot });
    await expect(phoneHub.snapshot()).resolves.toEqual(snapshot);
    expect(sendMessage).toHaveBeenCalledWith({ to: 'hub', name: 'phone.snapshot', payload: null });
  });

  it('sends commands, settings and the missed-call messages with their payloads', async () => {
    sendMessage.mockResolvedValue({ ok: true, value: null });
    await phoneHub.command('call.hold', { callId: 'c1', held: true });
    await settingsHub.save({ displayName: 'Alice' });
    await phoneHub.clearMissed();
    expect(sendMessage.mock.calls).toEqual([
      [{ to: 'hub', name: 'call.hold', payload: { callId: 'c1', held: true } }],
      [{ to: 'hub', name: 'settings.save', payload: { patch: { displayName: 'Alice' } } }],
      [{ to: 'hub', name: 'history.clearMissed', payload: null }],
    ]);
  });

  it('turns a refusal into MessageError, no reply or a dead hub into NoReceiverError', async () => {
    sendMessage.mockResolvedValueOnce({ ok: false, error: 'invalid target' });
    const refused = phoneHub.dial('x');
    await expect(refused).rejects.toThrow(MessageError);
    await expect(refused).rejects.toThrow('invalid target');

    sendMessage.mockResolvedValueOnce(undefined);
    await expect(phoneHub.dial('1')).rejects.toThrow(NoReceiverError);

    sendMessage.mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    await expect(phoneHub.dial('1')).rejects.toThrow(NoReceiverError);
  });
});

describe('bridge pushes', () => {
  it('passes phone.changed from the engine or hub, and nothing from pages', async () => {
    const seen = vi.fn();
    const unsubscribe = phoneHub.subscribe(seen);
    const snapshot = makeSnapshot();
    const push = { to: 'all', name: 'phone.changed', payload: { snapshot } };
    const deliver = (message: unknown, sender: Sender) =>
      listeners.forEach((l) => l(message, sender, () => undefined));

    const offscreen = { id: ID, url: `chrome-extension://${ID}/extension/offscreen/index.html` };
    deliver(push, offscreen);
    deliver(push, { id: ID, url: 'https://acme.lightning.force.com/x', tab: { id: 4 } });
    deliver(push, { id: 'another-extension', url: 'chrome-extension://other/x.html' });
    deliver({ to: 'all', name: 'phone.changed', payload: { snapshot: 'forged' } }, offscreen);
    deliver({ to: 'hub', name: 'phone.dial', payload: { target: '1' } }, offscreen);
    deliver('noise', offscreen);
    await vi.waitFor(() => expect(seen).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 10));
    expect(seen.mock.calls).toEqual([[snapshot]]);

    unsubscribe();
    expect(listeners.size).toBe(0);
  });
});
