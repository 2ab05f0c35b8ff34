/**
 * `npm run -s bench -- [--json] [--only P2]`: runs the benchmarks (ids are the issues' floor ids)
 * and prints a table, or with --json an array of { id, name, n, medianMs, p95Ms, ratio }.
 */
import type { Benchmark, BenchResult } from './harness';
import { caseloadBenchmarks } from './caseload';
import { betterOffBenchmarks } from './better-off';
import { schedulingBenchmarks } from './scheduling';
import { documentBenchmarks } from './documents';
import { diaryBenchmarks } from './diary';
import { centralBenchmarks } from './central';
import { reportBenchmarks } from './report';
import { syncBenchmarks } from './sync';
import { centralReportBenchmarks } from './central-report';
import { browserCaseloadBenchmarks } from './browser-caseload';

const all: Benchmark[] = [
  ...betterOffBenchmarks,
  ...caseloadBenchmarks,
  ...schedulingBenchmarks,
  ...documentBenchmarks,
  ...diaryBenchmarks,
  ...centralBenchmarks,
  ...reportBenchmarks,
  ...syncBenchmarks,
  ...centralReportBenchmarks,
  ...browserCaseloadBenchmarks,
];

const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1]?.split(',') : undefined;
const chosen = only ? all.filter((b) => only.includes(b.id)) : all;
if (only && chosen.length === 0) {
  process.stderr.write(
    `No benchmark called ${only.join(', ')}. Known: ${all.map((b) => b.id).join(', ')}\n`,
  );
  process.exit(2);
}

const results: BenchResult[] = [];
for (const bench of chosen) {
  if (!json) process.stderr.write(`${bench.id} ${bench.name}…\n`);
  results.push(await bench.measure());
}
results.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
else {
  for (const r of results) {
    const floor = r.floorMs !== undefined ? ` (floor ${r.floorMs} ms)` : '';
    const ratio = r.ratio !== undefined ? ` ratio ${r.ratio}` : '';
    process.stdout.write(
      `${r.id.padEnd(4)} ${r.name}: median ${r.medianMs} ms, p95 ${r.p95Ms} ms, n=${r.n}${ratio}${floor}\n`,
    );
  }
}
