/**
 * Sounds for Chromium's fake microphone (`--use-file-for-fake-audio-capture`, which loops the
 * file). A steady tone: unlike the default beep it is never silent, so "audio stopped" can be
 * told from "between beeps". Syllables: for the demo, where the call runs long enough for
 * noise suppression to damp a steady tone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function writeToneWav(hz = 440, seconds = 2, rate = 48_000): string {
  const samples = Array.from({ length: seconds * rate }, (_, i) =>
    Math.sin((2 * Math.PI * hz * i) / rate),
  );
  return writeWav(`tone-${hz}`, samples, rate);
}

/**
 * Short notes of changing pitch with gaps, like syllables: a steady tone is what WebRTC's
 * noise suppression learns as background and damps within seconds; this is not.
 */
export function writeSyllablesWav(rate = 48_000): string {
  const notes = [392, 523, 659, 523];
  const noteMs = 220;
  const gapMs = 80;
  const samples: number[] = [];
  for (const hz of notes) {
    for (let i = 0; i < (noteMs * rate) / 1000; i++) {
      samples.push(Math.sin((2 * Math.PI * hz * i) / rate));
    }
    for (let i = 0; i < (gapMs * rate) / 1000; i++) samples.push(0);
  }
  return writeWav('syllables', samples, rate);
}

/** 16-bit mono PCM at 0.3 of full scale, in a fresh temp folder. */
function writeWav(name: string, samples: number[], rate: number): string {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((v, i) => data.writeInt16LE(Math.round(0.3 * 32767 * v), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cti-tone-')), `${name}.wav`);
  fs.writeFileSync(file, Buffer.concat([header, data]));
  return file;
}
