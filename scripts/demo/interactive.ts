/**
 * The demo with a window: says what to try, lets the terminal make the demo peer call the
 * agent or hang up, and waits until it is told to stop.
 */
import readline from 'node:readline';
import { PAGES } from '../../src/core/pages.ts';
import { AGENT_URI, PEER, type Stack } from './stack.ts';

type Say = (line: string) => void;

export function instructions(stack: Stack, headless: boolean): string {
  const options = `chrome-extension://${stack.browser.extensionId}/${PAGES.options}`;
  const account = [
    `The options page (${options})`,
    `  shows the account the demo stored: ${AGENT_URI} on ${stack.kamailio.wsUrl},`,
    '  password stored but never shown.',
  ];
  const window = [
    'Ready. Try it in the Chromium window:',
    '  - Open the softphone: click the puzzle-piece icon in the toolbar, then CTI Softphone',
    '    (pin it to keep it in the toolbar).',
    `  - Dial ${PEER} (or sip:${PEER}@sip.test) and press Call: the demo peer rings briefly,`,
    "    then answers with a tone that you hear through the extension's call audio.",
    '  - To be called: press "Call the agent" on the "Demo far end" tab, or type c and Enter',
    '    here. Answer in the popup or the notification; type h and Enter to let the peer hang up.',
    ...account.map((line, i) => `  ${i === 0 ? '-' : ' '} ${line}`),
  ];
  // Without a window the extension is only reachable through the SIP server: say where it is.
  const server = `The agent ${AGENT_URI} is registered on ${stack.kamailio.wsUrl}.`;
  const noWindow = process.stdin.isTTY
    ? [
        'Ready, without a window (--headless --keep-running). Type c and Enter to have the demo',
        'peer call the agent, h and Enter to hang it up. The agent does not answer by itself.',
        server,
      ]
    : [
        'Ready, without a window (--headless --keep-running). The input is not a terminal, so',
        'the c (call) and h (hang up) commands are off.',
        server,
      ];
  return [
    '',
    ...(headless ? noWindow : window),
    `Microphone: ${stack.microphone}.`,
    'Press Ctrl-C to stop everything the demo started.',
  ].join('\n');
}

/** Reads c (call the agent) and h (hang up) from a terminal until `stopped` settles. */
export async function keepRunning(stack: Stack, stopped: Promise<void>, say: Say): Promise<void> {
  if (!process.stdin.isTTY) return stopped;
  // Not a terminal-mode interface: Ctrl-C stays a real SIGINT for the process group.
  const lines = readline.createInterface({ input: process.stdin, terminal: false });
  lines.on('line', (line) => {
    const command = line.trim().toLowerCase();
    const act =
      command === 'c'
        ? stack.peer.call(AGENT_URI).then(() => say(`the demo peer calls ${AGENT_URI}`))
        : command === 'h'
          ? stack.peer.hangup().then(() => say('the demo peer hung up'))
          : Promise.resolve(say('type c (peer calls you), h (peer hangs up) or Ctrl-C'));
    act.catch((error: unknown) => say(`could not: ${String(error)}`));
  });
  try {
    await stopped;
  } finally {
    lines.close();
  }
}
