import { describe, expect, it } from 'vitest';
import type { EngineAccount, EngineConfig } from '../protocol/messages.ts';
import type { CallSnapshot, PhoneSnapshot } from '../protocol/phone-state.ts';
import type { EngineApi, PhoneLike, PhoneOptionsLike } from './engine-api.ts';
import { createPhoneSlot } from './phone-slot.ts';

/** Records what the slot does to each phone it builds; calls are set by the test. */
class RecordingPhone implements Partial<PhoneLike> {
  log: string[] = [];
  calls: CallSnapshot[] = [];
  listener: (s: PhoneSnapshot) => void = () => {};
  constructor(readonly options: PhoneOptionsLike) {}
  start = () => Promise.resolve(void this.log.push('start'));
  stop = () => Promise.resolve(void this.log.push('stop'));
  reconfigure = (a: EngineAccount) =>
    Promise.resolve(void this.log.push(`reconfigure ${a.sipUri}`));
  snapshot = (): PhoneSnapshot => ({
    registration: { state: 'registered', since: 0 },
    calls: this.calls,
    media: 'ok',
  });
  onChange = (l: (s: PhoneSnapshot) => void) => {
    this.listener = l;
    return () => {};
  };
  end() {
    this.calls = [];
    this.listener(this.snapshot());
  }
}

function harness() {
  const phones: RecordingPhone[] = [];
  const api: EngineApi = {
    createPhone: (options) => {
      const phone = new RecordingPhone(options);
      phones.push(phone);
      return phone as unknown as PhoneLike;
    },
    validateAccount: () => ({ ok: false, errors: [] }),
  };
  const slot = createPhoneSlot(api, { onRemoteMedia: () => {}, onChange: () => {} });
  return { slot, phones };
}

const account = (user: string): EngineAccount => ({
  server: 'wss://pbx.example.test/ws',
  sipUri: `sip:${user}@pbx.example.test`,
  password: 'x',
});
const config = (user: string | null, microphoneId = ''): EngineConfig => ({
  account: user ? account(user) : null,
  devices: { microphoneId, speakerId: '', ringerId: '' },
  callWaiting: true,
});
const activeCall = { id: 'c1', state: 'active' } as CallSnapshot;

describe('createPhoneSlot', () => {
  it('builds no phone without an account, and says so once configured', async () => {
    const { slot, phones } = harness();
    expect(slot.accountMissing()).toBe(false); // not configured yet: nothing is known
    await slot.apply(config(null));
    expect(slot.current()).toBeNull();
    expect(phones).toHaveLength(0);
    expect(slot.accountMissing()).toBe(true);

    await slot.apply(config('alice'));
    expect(slot.accountMissing()).toBe(false);
  });

  it('re-registers the same phone when only the account changes', async () => {
    const { slot, phones } = harness();
    await slot.apply(config('alice'));
    await slot.apply(config('bob'));
    expect(phones).toHaveLength(1);
    expect(phones[0]?.log).toEqual(['start', 'reconfigure sip:bob@pbx.example.test']);
  });

  it('builds a new phone for a new microphone, but only once the calls are over', async () => {
    const { slot, phones } = harness();
    await slot.apply(config('alice'));
    const first = phones[0];
    if (!first) throw new Error('no phone');
    first.calls = [activeCall];

    await slot.apply(config('alice', 'usb-headset'));
    expect(phones).toHaveLength(1);
    expect(first.log).toEqual(['start']);

    first.end();
    await expect.poll(() => phones.length).toBe(2);
    expect(first.log).toEqual(['start', 'stop']);
    expect(phones[1]?.options.mediaConstraints).toEqual({
      audio: { deviceId: 'usb-headset' },
      video: false,
    });
  });
});
