/**
 * Dialling for pages and views: the target (a number as a page found it, a link's href, an
 * internal number or a SIP URI) goes through the dial rules (src/numbers/dial-rules.ts) under
 * the effective settings, and only a validated dial string or SIP URI reaches the engine.
 * An extension (`x123`) is not dialled with the number: its digits wait in session storage
 * (the worker may sleep meanwhile) and go out as DTMF once the call is answered.
 */
import { createLogger } from '../core/logger.ts';
import { planDial } from '../numbers/dial-rules.ts';
import type { Request, Response } from '../protocol/channel.ts';
import { isOurRecord } from '../crm/hosts.ts';
import type { PhoneSnapshot } from '../protocol/phone-state.ts';
import { loadEffectiveSettings } from '../settings/store.ts';
import { engine } from './engine.ts';
import { localizeEngineError } from './engine-errors.ts';

const log = createLogger('hub:dial');
const KEY = 'pendingDtmf';

type Pending = Record<string, string>;

export async function dial(request: Request<'phone.dial'>): Promise<Response<'phone.dial'>> {
  const settings = await loadEffectiveSettings();
  const plan = planDial(request.target, settings);
  const target = plan.kind === 'uri' ? plan.uri : plan.dialString;
  const record = request.record && isOurRecord(request.record, settings) ? request.record : null;
  const result = await engine
    .send('phone.dial', record ? { target, record } : { target })
    .catch((error: unknown) => {
      throw localizeEngineError(error);
    });
  if (plan.kind === 'number' && plan.dtmfAfterAnswer) {
    await chrome.storage.session.set({
      [KEY]: { ...(await pending()), [result.callId]: plan.dtmfAfterAnswer },
    });
  }
  return result;
}

/** On every phone change: send the extension of a call that was just answered. */
export async function sendPendingDtmf(snapshot: PhoneSnapshot): Promise<void> {
  const waiting = await pending();
  if (!Object.keys(waiting).length) return;

  const left: Pending = {};
  for (const [callId, tones] of Object.entries(waiting)) {
    const call = snapshot.calls.find((c) => c.id === callId);
    if (call?.state === 'active') {
      engine.send('call.dtmf', { callId, tones }).catch((e: unknown) => log.warn('DTMF failed', e));
    } else if (call && call.state !== 'ended') {
      left[callId] = tones;
    }
  }
  await chrome.storage.session.set({ [KEY]: left });
}

async function pending(): Promise<Pending> {
  const stored = await chrome.storage.session.get<Record<string, Pending | undefined>>(KEY);
  return stored[KEY] ?? {};
}
