/**
 * What a benchmark suite reports: one row per measure, the median of its runs against a goal.
 * Suites live beside this file and are listed in registry.ts.
 */
export interface Measure {
  name: string;
  /** One value per run, in `unit`. */
  samples: number[];
  unit: 'ms' | 'kB' | 'x';
  goal: number;
  /** `max`: the median must not exceed the goal (times, sizes); `min`: must reach it. */
  direction?: 'max' | 'min';
}

export interface Row {
  name: string;
  median: number;
  unit: string;
  goal: number;
  met: boolean;
  runs: number;
  samples: number[];
}

export interface Suite {
  name: string;
  run(): Promise<Measure[]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function toRow(m: Measure): Row {
  const value = median(m.samples);
  const met = (m.direction ?? 'max') === 'max' ? value <= m.goal : value >= m.goal;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    name: m.name,
    median: round(value),
    unit: m.unit,
    goal: m.goal,
    met: Number.isFinite(value) && met,
    runs: m.samples.length,
    samples: m.samples.map(round),
  };
}
