/**
 * What the headless demo prints at the end: registration time, and for each call how it was
 * driven, the audio both ways with figures, and how it ended; then the screenshots.
 */
import path from 'node:path';
import type { AudioLeg } from '../../tests/support/audio-check.ts';
import type { CallReport } from './scripted-call.ts';

export interface DemoReport {
  account: string;
  server: string;
  registeredMs: number;
  microphone: string;
  calls: CallReport[];
  screenshots: string[];
}

const EXPECTED_END = { out: 'local-hangup', in: 'remote-hangup' } as const;

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function leg(name: string, receiver: string, audio: AudioLeg): string {
  const rate = (audio.windowBytes / audio.windowMs) * 1000;
  return (
    `    ${name} ${kB(audio.totalBytes)} received by ${receiver} ` +
    `(${kB(rate)}/s while measured), RMS ${audio.rms.toFixed(2)}`
  );
}

function callLines(call: CallReport): string[] {
  const how = Object.entries(call.via)
    .map(([command, via]) => `${command}: ${via}`)
    .join(', ');
  const title = call.direction === 'out' ? 'call out to the demo peer' : 'call in from the peer';
  return [
    `  ${title} (${how})`,
    leg('audio out:', 'the peer', call.audio.out),
    leg('audio in: ', 'the agent', call.audio.in),
    `    hung up by the ${call.hungUpBy}, call ended: ${call.endCause ?? 'unknown'}`,
  ];
}

/** Anything in the report that is not what a working phone does. */
export function problemsIn(report: DemoReport): string[] {
  return report.calls
    .filter((call) => call.endCause !== EXPECTED_END[call.direction])
    .map(
      (call) =>
        `call ${call.direction} ended as ${call.endCause ?? 'unknown'}, ` +
        `expected ${EXPECTED_END[call.direction]}`,
    );
}

export function formatReport(report: DemoReport): string {
  const relative = (file: string) => path.relative(process.cwd(), file);
  return [
    'Summary',
    `  registered in ${report.registeredMs} ms (${report.account} on ${report.server})`,
    ...report.calls.flatMap(callLines),
    `  microphone: ${report.microphone}`,
    '  screenshots of the popup:',
    ...report.screenshots.map((file) => `    ${relative(file)}`),
  ].join('\n');
}
