// Writes the ring tones in public/sounds as small mono WAV files, from formulas, so that no
// third-party audio is shipped. Run: node scripts/make-sounds.mjs
import fs from 'node:fs';

const RATE = 8000;

/** parts: [seconds, (t) => sample in -1..1] played one after the other. */
function wav(parts) {
  const samples = [];
  for (const [seconds, wave] of parts) {
    const n = Math.round(seconds * RATE);
    for (let i = 0; i < n; i++) {
      // 10 ms fades at each edge avoid clicks.
      const edge = Math.min(i, n - 1 - i) / (0.01 * RATE);
      samples.push(wave(i / RATE) * Math.min(1, edge));
    }
  }
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => data.writeInt16LE(Math.round(s * 32767), i * 2));

  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const tone = (hz, level) => (t) => level * Math.sin(2 * Math.PI * hz * t);
const silence = () => 0;
// A warbling ring: two tones mixed, their sum swinging at 20 Hz.
const warble = (t) =>
  0.35 *
  (Math.sin(2 * Math.PI * 440 * t) + Math.sin(2 * Math.PI * 480 * t)) *
  (0.6 + 0.4 * Math.sin(2 * Math.PI * 20 * t));

const out = new URL('../public/sounds/', import.meta.url);
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(
  new URL('ring.wav', out),
  wav([
    [1.0, warble],
    [0.2, silence],
    [1.0, warble],
    [2.5, silence],
  ]),
);
fs.writeFileSync(
  new URL('call-waiting.wav', out),
  wav([
    [0.15, tone(440, 0.2)],
    [0.1, silence],
    [0.15, tone(440, 0.2)],
    [4.0, silence],
  ]),
);
