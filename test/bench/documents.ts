/** P6: 500 separate induction letters (each its own PDF), fonts parsed once per process. */
import { createPdfRenderer, defaultFontDir } from '../../src-main/pdf/render';
import { buildDocument } from '../../src-main/pdf/documents';
import { runBatch } from '../../src-main/pdf/batch';
import { inductionSample } from '../pdf/sample-data';
import { time, type Benchmark } from './harness';

const NAMES: [string, string][] = [
  ['Łukasz', 'Wiśniewski'],
  ['Ștefan', 'Țurcanu'],
  ['Siân', 'ap Gruffydd'],
  ['Dafydd', 'Llŷr'],
  ['Hương', 'Nguyễn Thị'],
  ['Mairéad', 'Ní Dhónaill'],
  ['Yiğit', 'Işıkoğlu'],
  ['Kateřina', 'Dvořáková'],
];

const letters = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const [givenName, familyName] = NAMES[i % NAMES.length]!;
    const s = inductionSample({
      givenName,
      familyName,
      preferredName: null,
      referralId: `REF-${i}`,
    });
    s.data.issuedAt = new Date(Date.UTC(2026, 10, 23, 9, 0, i % 60)).toISOString();
    return s;
  });

/** The app's path: the batch on worker threads (one per core), worker start-up included. */
async function batchRun(snapshots: ReturnType<typeof letters>): Promise<number> {
  const start = performance.now();
  let made = 0;
  await runBatch(
    snapshots,
    { fontDir: defaultFontDir(), single: false },
    {
      onDocument: () => {
        made++;
      },
    },
  ).done;
  if (made !== snapshots.length) throw new Error(`the batch made ${made} letters`);
  return performance.now() - start;
}

const p6: Benchmark = {
  id: 'P6',
  name: '500 separate induction letters through the batch (worker threads, fonts parsed once per worker)',
  async measure() {
    const snapshots = letters(500);
    const t = await time(() => batchRun(snapshots), 3, 0);
    // For comparison: the same 500 rendered one after another in this thread.
    const renderer = createPdfRenderer();
    await renderer.render(buildDocument(snapshots[0]!));
    const start = performance.now();
    for (const s of snapshots) await renderer.render(buildDocument(s));
    const sequentialMs = Math.round(performance.now() - start);
    return {
      id: 'P6',
      name: this.name,
      n: 500,
      medianMs: t.medianMs,
      p95Ms: t.p95Ms,
      floorMs: 10_000,
      note: `one after another on one thread: ${sequentialMs} ms`,
    };
  },
};

export const documentBenchmarks: Benchmark[] = [p6];
