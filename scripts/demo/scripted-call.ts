/**
 * The headless demo's calls: one from the agent to the demo peer, hung up by the agent, and
 * one from the peer to the agent, answered by the agent and hung up by the peer. Each waits
 * for real audio both ways (tests/support/audio-check.ts), takes screenshots of the popup on
 * the way, and reports its figures. Everything goes through the extension as a user would
 * drive it; only the peer is scripted.
 */
import type { CallSnapshot, EndCause, PhoneSnapshot } from '../../src/protocol/phone-state.ts';
import { waitForAudio, type AudioBothWays } from '../../tests/support/audio-check.ts';
import type { FarEnd } from '../../tests/support/far-end.ts';
import type { HubClient } from '../../tests/support/hub-client.ts';
import type { OffscreenProbe } from '../../tests/support/offscreen-cdp.ts';
import type { Popup, Via } from './popup.ts';
import { AGENT_URI } from './stack.ts';

const STEP_MS = 20_000;

export interface CallReport {
  direction: 'out' | 'in';
  /** How each of the agent's commands went: the popup's controls or hub messages. */
  via: Record<string, Via>;
  audio: AudioBothWays;
  hungUpBy: 'agent' | 'peer';
  endCause: EndCause | undefined;
  screenshots: string[];
}

export interface CallRig {
  popup: Popup;
  peer: FarEnd;
  probe: OffscreenProbe;
}

const find = (s: PhoneSnapshot, test: (c: CallSnapshot) => boolean) => s.calls.find(test);

async function callWhere(hub: HubClient, test: (c: CallSnapshot) => boolean) {
  const snapshot = await hub.until((s) => find(s, test) !== undefined, STEP_MS);
  const call = find(snapshot, test);
  if (!call) throw new Error('the call vanished');
  return call;
}

async function peerSaw(peer: FarEnd, event: string): Promise<void> {
  const deadline = Date.now() + STEP_MS;
  while (!(await peer.events()).includes(event)) {
    if (Date.now() > deadline) throw new Error(`the demo peer never saw '${event}'`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Dials `target` from the popup; the peer answers by itself; the agent hangs up. */
export async function callOut(rig: CallRig, target: string): Promise<CallReport> {
  const { popup, peer, probe } = rig;
  const { hub } = popup;
  const before = new Set((await hub.send('phone.snapshot', null)).calls.map((c) => c.id));
  const isNew = (c: CallSnapshot) => c.direction === 'outbound' && !before.has(c.id);
  await peer.forget();

  const dialVia = await popup.dial(target);
  const { id } = await callWhere(hub, isNew);
  const ringing = await callWhere(hub, (c) => c.id === id && c.state !== 'dialing');
  const screenshots = [await popup.screenshot('02-call-out-ringing')];
  if (ringing.state === 'ended') throw new Error(`the call ended at once: ${ringing.endDetail}`);

  await callWhere(hub, (c) => c.id === id && c.state === 'active');
  const audio = await waitForAudio(probe, peer);
  screenshots.push(await popup.screenshot('03-call-out-talking'));

  const hangupVia = await popup.hangup(id);
  await peerSaw(peer, 'hangup');
  const ended = await callWhere(hub, (c) => c.id === id && c.state === 'ended');
  screenshots.push(await popup.screenshot('04-call-out-ended'));
  return {
    direction: 'out',
    via: { dial: dialVia, 'hang up': hangupVia },
    audio,
    hungUpBy: 'agent',
    endCause: ended.endCause,
    screenshots,
  };
}

/** The peer calls the agent; the agent answers in the popup; the peer hangs up. */
export async function callIn(rig: CallRig): Promise<CallReport> {
  const { popup, peer, probe } = rig;
  const { hub } = popup;
  await peer.forget();

  await peer.call(AGENT_URI);
  const ringing = await callWhere(hub, (c) => c.direction === 'inbound' && c.state === 'incoming');
  const screenshots = [await popup.screenshot('05-call-in-ringing')];
  const answerVia = await popup.answer(ringing.id);
  await callWhere(hub, (c) => c.id === ringing.id && c.state === 'active');
  await peerSaw(peer, 'answered');
  const audio = await waitForAudio(probe, peer);
  screenshots.push(await popup.screenshot('06-call-in-talking'));

  await peer.hangup();
  const ended = await callWhere(hub, (c) => c.id === ringing.id && c.state === 'ended');
  screenshots.push(await popup.screenshot('07-call-in-ended'));
  return {
    direction: 'in',
    via: { answer: answerVia },
    audio,
    hungUpBy: 'peer',
    endCause: ended.endCause,
    screenshots,
  };
}
