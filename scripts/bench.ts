/**
 * `npm run bench`: runs every suite in scripts/bench/registry.ts against the built extension,
 * prints one row per measure (median of its runs against the goal) and, with `--json FILE`,
 * writes the same rows as JSON. `--only NAME` runs the suites whose name contains NAME.
 * Exits 0 even when a goal is missed: the table says so; a suite that crashes exits 1.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { toRow, type Row } from './bench/measure.ts';
import { suites } from './bench/registry.ts';

const { values } = parseArgs({
  options: { json: { type: 'string' }, only: { type: 'string' } },
});

function table(rows: Row[]): string {
  const head = ['measure', 'median', 'goal', 'met', 'runs'];
  const body = rows.map((r) => [
    r.name,
    `${r.median} ${r.unit}`,
    // Reference rows (the naive scan) have no goal of their own.
    Number.isFinite(r.goal) ? `${r.goal} ${r.unit}` : '—',
    Number.isFinite(r.goal) ? (r.met ? 'yes' : 'NO') : '—',
    String(r.runs),
  ]);
  const widths = head.map((h, i) =>
    Math.max(h.length, ...body.map((line) => line[i]?.length ?? 0)),
  );
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

const chosen = suites.filter((s) => !values.only || s.name.includes(values.only));
if (chosen.length === 0) {
  const names = suites.map((s) => `'${s.name}'`).join(', ');
  process.stderr.write(`bench: no suite matches --only ${values.only ?? ''}; suites: ${names}\n`);
  process.exit(2);
}

const rows: Row[] = [];
let crashed = false;
for (const suite of chosen) {
  process.stderr.write(`bench: ${suite.name}…\n`);
  try {
    rows.push(...(await suite.run()).map(toRow));
  } catch (err) {
    crashed = true;
    process.stderr.write(`bench: ${suite.name} failed: ${String(err)}\n`);
  }
}

console.log(table(rows));
if (values.json) fs.writeFileSync(values.json, JSON.stringify(rows, null, 2) + '\n');
process.exit(crashed ? 1 : 0);
