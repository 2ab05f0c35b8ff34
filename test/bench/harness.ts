/**
 * Benchmarks (not tests: nothing here passes or fails). Each one times `run` `iterations` times
 * after `warmup` runs and reports the median and 95th percentile in milliseconds.
 */
export interface BenchResult {
  id: string;
  name: string;
  n: number;
  medianMs: number;
  p95Ms: number;
  ratio?: number;
  floorMs?: number;
  note?: string;
}

export interface Benchmark {
  id: string;
  name: string;
  /** Sets up real data (untimed) and returns the measurement. */
  measure(): Promise<BenchResult>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function time(
  run: () => unknown,
  iterations: number,
  warmup = 1,
): Promise<{ medianMs: number; p95Ms: number; samples: number[] }> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { medianMs: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), samples };
}
