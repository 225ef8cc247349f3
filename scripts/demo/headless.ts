/**
 * The demo without a display: register, a call out and a call in with audio checked both
 * ways, screenshots of the popup; returns the report. Throws on the first step that fails.
 */
import fs from 'node:fs';
import { probeOffscreen } from '../../tests/support/offscreen-cdp.ts';
import type { Cleanup } from './cleanup.ts';
import { openPopup } from './popup.ts';
import type { DemoReport } from './report.ts';
import { callIn, callOut } from './scripted-call.ts';
import { AGENT_URI, PEER, type Stack } from './stack.ts';

type Say = (line: string) => void;

export async function runScriptedCalls(
  stack: Stack,
  outputDir: string,
  cleanup: Cleanup,
  say: Say,
): Promise<DemoReport> {
  fs.rmSync(outputDir, { recursive: true, force: true });
  fs.mkdirSync(outputDir, { recursive: true });
  const probe = await probeOffscreen(stack.browser.context);
  cleanup.add('offscreen probe', () => probe.detach());
  const popup = await openPopup(stack.browser, outputDir);
  if (!popup.hasControls) {
    say('the popup has no dial form in this build: commands go as the hub messages it would send');
  }
  const screenshots = [await popup.screenshot('01-registered')];
  const rig = { popup, peer: stack.peer, probe };

  say(`call out: dialling ${PEER}; the peer answers after a short ring`);
  const out = await callOut(rig, PEER);
  say(`call out: audio flowed both ways; hung up (${out.endCause ?? 'unknown'})`);

  say(`call in: the peer calls ${AGENT_URI}; the agent answers`);
  const inbound = await callIn(rig);
  say(`call in: audio flowed both ways; the peer hung up (${inbound.endCause ?? 'unknown'})`);

  return {
    account: AGENT_URI,
    server: stack.kamailio.wsUrl,
    registeredMs: stack.registeredMs,
    microphone: stack.microphone,
    calls: [out, inbound],
    screenshots: [...screenshots, ...out.screenshots, ...inbound.screenshots],
  };
}
