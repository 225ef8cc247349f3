/**
 * Holds the one phone the configuration asks for. A new account re-registers the running
 * phone; a new microphone or call-waiting setting needs a new phone, which would end calls in
 * progress, so it waits until no call is live.
 */
import { createLogger } from '../core/logger.ts';
import type { EngineConfig } from '../protocol/messages.ts';
import type { CallSnapshot } from '../protocol/phone-state.ts';
import type { EngineApi, PhoneLike } from './engine-api.ts';

const log = createLogger('offscreen:phone');

export interface PhoneSlot {
  current(): PhoneLike | null;
  /** The configuration in force names no account (a fresh install): no phone is built. */
  accountMissing(): boolean;
  apply(config: EngineConfig): Promise<void>;
}

export interface SlotHooks {
  onRemoteMedia(callId: string, stream: MediaStream | null): void;
  onChange(changed?: CallSnapshot): void;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function createPhoneSlot(api: EngineApi, hooks: SlotHooks): PhoneSlot {
  let phone: PhoneLike | null = null;
  let built: EngineConfig | null = null;
  let waiting: EngineConfig | null = null;
  let detach = () => {};

  const busy = () => phone?.snapshot().calls.some((c) => c.state !== 'ended') ?? false;

  const build = async (config: EngineConfig) => {
    detach();
    await phone?.stop();
    phone = null;
    built = config;
    if (!config.account) return;

    const { microphoneId } = config.devices;
    phone = api.createPhone({
      account: config.account,
      callWaiting: config.callWaiting,
      mediaConstraints: { audio: microphoneId ? { deviceId: microphoneId } : true, video: false },
      onRemoteMedia: (callId, stream) => hooks.onRemoteMedia(callId, stream),
      logger: createLogger('offscreen:sip'),
    });
    detach = phone.onChange((_, changed) => {
      hooks.onChange(changed);
      if (waiting && !busy()) void applyWaiting();
    });
    await phone.start();
  };

  const applyWaiting = async () => {
    const config = waiting;
    waiting = null;
    if (config) await build(config).catch((err: unknown) => log.error('rebuild failed', err));
    hooks.onChange();
  };

  const apply = async (config: EngineConfig) => {
    waiting = null;
    const optionsSame =
      built !== null &&
      built.callWaiting === config.callWaiting &&
      built.devices.microphoneId === config.devices.microphoneId;

    if (phone && config.account && optionsSame) {
      if (!sameJson(built?.account, config.account)) await phone.reconfigure(config.account);
      built = config;
    } else if (!optionsSame || !sameJson(built?.account, config.account)) {
      if (busy()) {
        log.info('new phone options wait until the calls are over');
        waiting = config;
        return;
      }
      await build(config);
    }
  };

  return { current: () => phone, accountMissing: () => built !== null && !built.account, apply };
}
