/**
 * Everything the demo runs: a local Kamailio with the test accounts, the demo peer (the
 * browser tests' far end, registered as 2000, answering with generated audio) and Chromium
 * with the built extension, configured for the agent account through the hub. Each part is
 * handed to `cleanup` as soon as it exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGES } from '../../src/core/pages.ts';
import { launchExtension, type LaunchedExtension } from '../../tests/support/browser.ts';
import { openFarEnd, type FarEnd } from '../../tests/support/far-end.ts';
import { hubClient, type HubClient } from '../../tests/support/hub-client.ts';
import {
  ACCOUNTS,
  SIP_DOMAIN,
  startKamailio,
  type Kamailio,
} from '../../tests/support/kamailio.ts';
import { startStaticServer } from '../../tests/support/static-server.ts';
import { writeSyllablesWav } from '../../tests/support/tone.ts';
import type { Cleanup } from './cleanup.ts';
import { DemoError } from './system.ts';

const PEER_DIR = fileURLToPath(new URL('./peer/', import.meta.url));

export const AGENT = 'agent';
export const PEER = '2000';
export const AGENT_URI = `sip:${AGENT}@${SIP_DOMAIN}`;

export interface StackOptions {
  headless: boolean;
  /** What the demo peer sends. */
  source: 'tone' | 'echo';
  /** Use the machine's microphone instead of Chromium's fake one. */
  realMicrophone: boolean;
  /** How long the demo peer lets a call ring before it answers. */
  answerAfterMs: number;
}

export interface Stack {
  kamailio: Kamailio;
  browser: LaunchedExtension;
  peer: FarEnd;
  /** An extension page (the options page) that talks to the hub as the views do. */
  hub: HubClient;
  /** What the agent's microphone is, in words. */
  microphone: string;
  /** Settings saved to registered, from the engine's own timestamp. */
  registeredMs: number;
}

type Say = (line: string) => void;

export async function startStack(options: StackOptions, cleanup: Cleanup, say: Say) {
  const kamailio = await startKamailio();
  cleanup.add('Kamailio', () => kamailio.stop());
  say(`Kamailio on ${kamailio.wsUrl} (SIP over UDP/TCP on port ${kamailio.sipPort})`);

  const server = await startStaticServer({ '/demo/': PEER_DIR });
  cleanup.add('demo peer web server', () => server.close());

  let fakeAudioFile: string | undefined;
  if (!options.realMicrophone) {
    fakeAudioFile = writeSyllablesWav();
    const folder = path.dirname(fakeAudioFile);
    cleanup.add('fake microphone file', () => fs.rmSync(folder, { recursive: true, force: true }));
  }
  const browser = await launchExtension({
    headless: options.headless,
    handleSignals: false,
    fakeMedia: !options.realMicrophone,
    ...(fakeAudioFile ? { fakeAudioFile } : {}),
  }).catch((error: unknown) => {
    throw new DemoError(`Chromium did not start with the extension loaded: ${String(error)}`);
  });
  cleanup.add('Chromium', () => browser.close());
  const microphone = options.realMicrophone
    ? "this machine's default microphone"
    : "Chromium's fake microphone, playing short notes (no real microphone is used)";
  say(`Chromium ${options.headless ? '(headless) ' : ''}with the extension ${browser.extensionId}`);

  const query = new URLSearchParams({ user: PEER, source: options.source, agent: AGENT_URI });
  const peer = await openFarEnd(browser.context, server.origin, kamailio.wsUrl, PEER, {
    page: `demo/index.html?${query}`,
    source: options.source,
    autoAnswerMs: options.answerAfterMs,
  });
  say(
    `demo peer registered as ${PEER} (sends ${options.source === 'tone' ? 'a tone' : 'an echo'})`,
  );

  const hub = hubClient(await browser.openPage(PAGES.options));
  const registeredMs = await configureAgent(hub, kamailio.wsUrl);
  // The options page read the settings when it opened: show it what is stored now.
  await hub.page.reload();
  for (const blank of browser.context.pages().filter((p) => p.url() === 'about:blank')) {
    await blank.close();
  }
  return { kamailio, browser, peer, hub, microphone, registeredMs } satisfies Stack;
}

/**
 * Stores the agent account through the hub (as the options page's Save does) and waits for
 * the engine to register; returns the ms from the save to the registrar's acceptance.
 */
async function configureAgent(hub: HubClient, wsUrl: string): Promise<number> {
  const patch = { sipServer: wsUrl, sipUri: AGENT_URI, password: ACCOUNTS[AGENT] ?? '' };
  const savedAt = Date.now();
  await hub.send('settings.save', { patch }).catch((error: unknown) => {
    // Chromium's managed policy is machine-wide: a policy file (e.g. the policy browser tests'
    // in /etc/chromium/policies/managed/) can lock the very settings the demo sets.
    throw new DemoError(
      `the demo could not store its account (${String(error)}). If a Chromium policy locks ` +
        'these settings, remove its file from /etc/chromium/policies/managed/ (or wait for a ' +
        'running `npm test` to finish) and start again',
    );
  });
  const { registration } = await hub.until(
    (s) => s.registration.state === 'registered' || s.registration.state === 'failed',
    20_000,
  );
  if (registration.state !== 'registered') {
    const why = [registration.failure, registration.detail].filter(Boolean).join(': ');
    throw new DemoError(`the agent did not register (${why})`);
  }
  return registration.since - savedAt;
}
