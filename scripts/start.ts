/**
 * `npm start`: the softphone on a local SIP server, for a first look. Checks the system
 * packages, builds the extension, starts Kamailio with demo accounts, a demo peer (2000) and
 * Chromium with the extension set up for agent@sip.test. With a display it opens a window to
 * try and runs until Ctrl-C; without one (or with --headless) it runs a scripted call out and
 * in, checks the audio both ways, saves popup screenshots and prints a summary.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Cleanup } from './demo/cleanup.ts';
import { runScriptedCalls } from './demo/headless.ts';
import { instructions, keepRunning } from './demo/interactive.ts';
import { whenLauncherGone } from './demo/launcher.ts';
import { formatReport, problemsIn } from './demo/report.ts';
import { startStack } from './demo/stack.ts';
import { buildExtension, DemoError, ensureSystemPackages } from './demo/system.ts';

const HELP = `npm start [-- options]
  --headless      no window: run the scripted call and print a summary (the default
                  when neither DISPLAY nor WAYLAND_DISPLAY is set)
  --keep-running  with --headless: stay up until Ctrl-C instead of the scripted call
  --echo          the demo peer sends back what it hears instead of a tone
  --real-mic      use this machine's microphone instead of Chromium's fake one
  --no-build      use the dist/ already built
  --help          this text`;

const OUTPUT_DIR = path.resolve(import.meta.dirname, '..', 'demo-output');
const DIST = path.resolve(import.meta.dirname, '..', 'dist');

const OPTIONS = {
  headless: { type: 'boolean', default: false },
  'keep-running': { type: 'boolean', default: false },
  echo: { type: 'boolean', default: false },
  'real-mic': { type: 'boolean', default: false },
  'no-build': { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

/** The flags, or the usage and exit 2 for one it does not know. */
function readFlags() {
  try {
    return parseArgs({ options: OPTIONS }).values;
  } catch (error) {
    console.error(`[demo] ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    process.exit(2);
  }
}

const flags = readFlags();
const display = [process.env.DISPLAY, process.env.WAYLAND_DISPLAY].some(Boolean);
const headless = flags.headless || !display;
const scripted = headless && !flags['keep-running'];

const cleanup = new Cleanup();
const say = (line: string) => console.log(`[demo] ${line}`);
let exiting: Promise<never> | undefined;

/** Stops everything started, once, then exits with `code`. */
function exit(code: number): Promise<never> {
  exiting ??= (async () => {
    const failed = await cleanup.run();
    for (const step of failed) console.error(`[demo] could not stop ${step}`);
    say(failed.length ? 'stopped, with the problems above' : 'stopped everything it started');
    process.exit(code);
  })();
  return exiting;
}

let stop: () => void = () => undefined;
const stopped = new Promise<void>((resolve) => (stop = resolve));
const stopFor = (why: string, code: number) => {
  if (exiting) return;
  say(`${why}: stopping`);
  stop();
  void exit(code);
};
process.on('SIGINT', () => stopFor('SIGINT', 130));
process.on('SIGTERM', () => stopFor('SIGTERM', 143));
whenLauncherGone(() => stopFor('npm was stopped', 143));

async function main(): Promise<number> {
  if (headless && !flags.headless) {
    say('no display (DISPLAY and WAYLAND_DISPLAY are unset): no window');
    if (scripted) say('runs a scripted call; add --keep-running to stay up instead');
  }
  if (flags['no-build'] && !fs.existsSync(path.join(DIST, 'manifest.json'))) {
    throw new DemoError('--no-build, but there is no built extension in dist/: run npm run build');
  }
  say('checking system packages (Kamailio, SIPp, Chromium, zip)');
  await ensureSystemPackages();
  if (flags['real-mic'] && headless) say('--real-mic is for a window; headless uses the fake one');
  if (!flags['no-build']) {
    say('building the extension (vite build)');
    say(`built dist/ in ${((await buildExtension()) / 1000).toFixed(1)} s`);
  }

  const stack = await startStack(
    {
      headless,
      source: flags.echo ? 'echo' : 'tone',
      realMicrophone: flags['real-mic'] && !headless,
      answerAfterMs: scripted ? 1500 : 2500,
    },
    cleanup,
    say,
  );
  say(`agent registered in ${stack.registeredMs} ms after its settings were saved`);
  say(`microphone: ${stack.microphone}`);

  if (!scripted) {
    console.log(instructions(stack, headless));
    await keepRunning(stack, stopped, say);
    return 0;
  }
  const report = await runScriptedCalls(stack, OUTPUT_DIR, cleanup, say);
  console.log(`\n${formatReport(report)}\n`);
  const problems = problemsIn(report);
  for (const problem of problems) console.error(`[demo] FAILED: ${problem}`);
  say(problems.length ? 'the demo call did not go as expected' : 'demo call succeeded');
  return problems.length ? 1 : 0;
}

if (flags.help) {
  console.log(HELP);
} else {
  main().then(
    (code) => exit(code),
    (error: unknown) => {
      if (exiting) return;
      const reason = error instanceof DemoError ? error.message : String(error);
      console.error(`[demo] FAILED: ${reason}`);
      if (!(error instanceof DemoError) && error instanceof Error) console.error(error.stack);
      void exit(1);
    },
  );
}
