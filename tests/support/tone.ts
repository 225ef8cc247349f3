/**
 * A steady tone for Chromium's fake microphone (`--use-file-for-fake-audio-capture`, which
 * loops the file): unlike the default beep it is never silent, so "audio stopped" can be told
 * from "between beeps".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function writeToneWav(hz = 440, seconds = 2, rate = 48_000): string {
  const count = seconds * rate;
  const data = Buffer.alloc(count * 2);
  for (let i = 0; i < count; i++) {
    data.writeInt16LE(Math.round(0.3 * 32767 * Math.sin((2 * Math.PI * hz * i) / rate)), i * 2);
  }
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

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cti-tone-')), `tone-${hz}.wav`);
  fs.writeFileSync(file, Buffer.concat([header, data]));
  return file;
}
