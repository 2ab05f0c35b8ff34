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

const p6: Benchmark = {
  id: 'P6',
  name: '500 separate induction letters (build + render each PDF, fonts reused)',
  async measure() {
    const snapshots = letters(500);
    const renderer = createPdfRenderer();
    await renderer.render(buildDocument(snapshots[0]!));
    const t = await time(
      async () => {
        for (const s of snapshots) await renderer.render(buildDocument(s));
      },
      3,
      0,
    );
    // The app's path: the same 500 on the batch worker thread, worker start-up included.
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
    const workerMs = Math.round(performance.now() - start);
    if (made !== 500) throw new Error(`the worker made ${made} letters`);
    return {
      id: 'P6',
      name: this.name,
      n: 500,
      medianMs: t.medianMs,
      p95Ms: t.p95Ms,
      floorMs: 10_000,
      note: `on the batch worker thread (from source, tsx start-up included): ${workerMs} ms`,
    };
  },
};

export const documentBenchmarks: Benchmark[] = [p6];
