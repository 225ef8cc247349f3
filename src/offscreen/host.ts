/**
 * The offscreen document's host for the engine: builds the phone from the configuration the
 * hub sends, answers the hub's commands, plays remote audio and ring tones on the chosen
 * devices, and pushes every state change (with the microphone status) to hub and views.
 */
import { createLogger } from '../core/logger.ts';
import { EngineError, type EngineErrorCode } from '../engine/errors.ts';
import type { EngineConfig } from '../protocol/messages.ts';
import {
  microphoneNeedsSetup,
  type CallSnapshot,
  type MediaStatus,
  type PhoneSnapshot,
  type RegistrationSnapshot,
} from '../protocol/phone-state.ts';
import { handleMessages, pushMessage, sendMessage } from '../protocol/runtime.ts';
import { isFromExtension } from '../protocol/sender.ts';
import { checkPayload } from '../protocol/validate.ts';
import { tryAccount } from './account-trial.ts';
import type { EngineApi, PhoneLike } from './engine-api.ts';
import { createPhoneSlot } from './phone-slot.ts';
import { checkMicrophone, watchMicrophone } from './microphone.ts';
import { createRemoteAudio } from './remote-audio.ts';
import { createRinger } from './ringer.ts';

const log = createLogger('offscreen:host');

/** Commands with nothing to answer but completion. */
const done = async (action: Promise<void> | void): Promise<null> => {
  await action;
  return null;
};

/**
 * A refusal for the agent, as its catalogue key: this document has no `chrome.i18n`, so the
 * hub puts it into words (src/hub/engine-errors.ts).
 */
const refusal = (key: `engine${string}`) => new Error(key);

/** The engine's errors an agent can act on, by code, as refusals; others pass unchanged. */
const AGENT_REFUSALS: Partial<Record<EngineErrorCode, `engine${string}`>> = {
  'not-started': 'engineNotConnected',
  'not-connected': 'engineNotConnected',
  'login-rejected': 'engineLoginRejected',
};

const asRefusal = (error: unknown): unknown => {
  const key = error instanceof EngineError ? AGENT_REFUSALS[error.code] : undefined;
  return key ? refusal(key) : error;
};

export function startHost(api: EngineApi): void {
  const audio = createRemoteAudio();
  const ringer = createRinger();
  const since = Date.now();
  const slot = createPhoneSlot(api, {
    onRemoteMedia: (callId, stream) => audio.attach(callId, stream),
    onChange: (changed) => push(changed),
  });
  let hash: string | null = null;
  let media: MediaStatus = 'unknown';

  const snapshot = (): PhoneSnapshot => {
    // Before the hub's first configuration the phone is starting, not "not connected".
    const idle: RegistrationSnapshot = slot.accountMissing()
      ? { state: 'unregistered', failure: 'no-account', since }
      : { state: hash === null ? 'registering' : 'unregistered', since };
    const base = slot.current()?.snapshot() ?? { registration: idle, calls: [], media };
    // The engine knows when getUserMedia failed; the permission check knows the rest.
    const engineKnows = !microphoneNeedsSetup(media) && base.media !== 'unknown';
    return { ...base, media: engineKnows ? base.media : media };
  };

  const push = (changed?: CallSnapshot) => {
    const current = snapshot();
    ringer.update(current);
    pushMessage('phone.changed', { snapshot: current, ...(changed ? { changed } : {}) }).catch(
      (err: unknown) => log.error('could not push the phone state', err),
    );
  };

  const recheck = async (): Promise<MediaStatus> => {
    const next = await checkMicrophone();
    if (next !== media) {
      media = next;
      push();
    }
    return media;
  };

  /**
   * Before a call needs the microphone: never send an offer or a 200 OK without one. An `ok`
   * stays true until the permission or device watchers say otherwise; anything else is
   * checked again, since the user may have fixed it.
   */
  const requireMicrophone = async () => {
    const status = media === 'ok' ? media : await recheck();
    if (status === 'not-yet-allowed') throw refusal('engineMicrophoneNotYetAllowed');
    if (status === 'blocked') throw refusal('engineMicrophoneBlocked');
    if (status === 'missing') throw refusal('engineMicrophoneMissing');
  };

  const live = (): PhoneLike => {
    const phone = slot.current();
    if (!phone) throw refusal('engineNoAccount');
    return phone;
  };

  const configure = async (next: EngineConfig) => {
    audio.setSpeaker(next.devices.speakerId);
    ringer.setDevices(next.devices.ringerId, next.devices.speakerId);
    await slot.apply(next);
    push();
  };

  const listen = () =>
    handleMessages(
      'engine',
      {
        'engine.hello': () => ({ configHash: hash }),
        'engine.configure': async ({ config: next, hash: nextHash }) => {
          hash = nextHash;
          await configure(next).catch((err: unknown) => {
            log.error('could not apply the configuration', err);
            push();
          });
          return null;
        },
        'engine.testAccount': ({ account }) => tryAccount(api, account),
        'phone.snapshot': () => snapshot(),
        'phone.dial': async ({ target, record }) => {
          await requireMicrophone();
          const callId = await live()
            .dial(target, record ? { record } : undefined)
            .catch((error: unknown) => {
              throw asRefusal(error);
            });
          return { callId };
        },
        'call.answer': async ({ callId }) => {
          await requireMicrophone();
          await live().answer(callId);
          return null;
        },
        'call.decline': ({ callId, code }) => done(live().decline(callId, code)),
        'call.hangup': ({ callId }) => done(live().hangup(callId)),
        'call.mute': ({ callId, muted }) => done(live().setMuted(callId, muted)),
        'call.hold': ({ callId, held }) => done(live().setHeld(callId, held)),
        'call.dtmf': ({ callId, tones }) => done(live().sendDtmf(callId, tones)),
        'call.transfer': ({ callId, target }) => done(live().transfer(callId, target)),
        'media.check': () => recheck(),
      },
      {
        admit: (envelope, sender) =>
          isFromExtension(sender) ? checkPayload(envelope.name, envelope.payload) : 'not allowed',
      },
    );

  // Ready means able to answer truthfully: listen only once the microphone was checked.
  void watchMicrophone(() => void recheck());
  void recheck().finally(() => {
    listen();
    sendMessage('hub', 'engine.ready', null).catch((err: unknown) => {
      log.warn('the hub did not take the ready signal; it will find the engine itself', err);
    });
  });
}
