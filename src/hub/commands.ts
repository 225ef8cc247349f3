/**
 * Keyboard shortcuts (manifest `commands`). A plain exported handler: key presses in headless
 * Chromium do not reach chrome.commands, so tests call it directly.
 */
import { createLogger } from '../core/logger.ts';
import { callToAnswer, callToHangUp, callToMute } from './calls.ts';
import { engine } from './engine.ts';

const log = createLogger('hub:commands');

export const COMMANDS = ['answer-call', 'hangup-call', 'toggle-mute'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Runs a shortcut; says which call it acted on, or null when there was none. */
export async function onCommand(command: string): Promise<string | null> {
  const snapshot = await engine.send('phone.snapshot', null);

  if (command === 'answer-call') {
    const call = callToAnswer(snapshot);
    if (call) await engine.send('call.answer', { callId: call.id });
    return call?.id ?? null;
  }
  if (command === 'hangup-call') {
    const call = callToHangUp(snapshot);
    if (call?.state === 'incoming') await engine.send('call.decline', { callId: call.id });
    else if (call) await engine.send('call.hangup', { callId: call.id });
    return call?.id ?? null;
  }
  if (command === 'toggle-mute') {
    const call = callToMute(snapshot);
    if (call) await engine.send('call.mute', { callId: call.id, muted: !call.muted });
    return call?.id ?? null;
  }

  log.warn(`unknown command ${command}`);
  return null;
}
