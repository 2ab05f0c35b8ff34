/**
 * P10: 20 devices push 1,000 journal entries each, all at once, over loopback HTTP to the central
 * service on a private PostgreSQL cluster, while one puller per adviser pulls the whole time.
 * Timed: from the first push until every puller has every row ("converged"). The note reports
 * rows the pullers skipped (must be 0: see src-central/sync/positions.ts).
 */
import type { Benchmark } from './harness';
import { percentile } from './harness';
import {
  enrol,
  newAdviser,
  newParticipantMutations,
  pullPage,
  pushBatch,
  startCentral,
  stopCluster,
  type TestDevice,
} from '../central/harness';

const DEVICES = 20;
const ADVISERS = 4;
const PER_DEVICE = 1000;
const BATCH = 100;
const RUNS = 3;

async function once(): Promise<{ ms: number; skipped: number }> {
  const c = await startCentral('postgres', { poolSize: 24 });
  try {
    const advisers = await Promise.all(
      Array.from({ length: ADVISERS }, (_, i) => newAdviser(c, `Adviser ${i}`)),
    );
    const devices: TestDevice[] = [];
    for (let i = 0; i < DEVICES; i++) devices.push(await enrol(c, advisers[i % ADVISERS]!));
    const pullers = await Promise.all(advisers.map((a) => enrol(c, a)));
    const batches = devices.map((d) =>
      Array.from({ length: PER_DEVICE / BATCH }, () => newParticipantMutations(d, BATCH)),
    );
    const expected = new Map<string, Set<string>>();
    devices.forEach((d, i) => {
      const set = expected.get(d.adviserId) ?? new Set<string>();
      for (const b of batches[i]!) for (const m of b) set.add(m.entityId);
      expected.set(d.adviserId, set);
    });
    let pushing = true;
    const start = performance.now();
    const pulled = pullers.map(async (p) => {
      const seen = new Set<string>();
      let cursor = 0;
      const want = expected.get(p.adviserId)!;
      for (;;) {
        const page = await pullPage(c, p, cursor, 1000);
        if (page.status !== 200) throw new Error(`pull ${page.status}`);
        for (const ch of page.body.changes) seen.add(ch.id);
        cursor = page.body.cursor;
        if (!page.body.hasMore && !pushing) break;
        if (!page.body.hasMore) await new Promise((r) => setTimeout(r, 20));
      }
      let skipped = 0;
      for (const id of want) if (!seen.has(id)) skipped++;
      return skipped;
    });
    await Promise.all(
      devices.map(async (d, i) => {
        for (const b of batches[i]!) {
          for (;;) {
            const res = await pushBatch(c, d, b);
            if (res.status === 200) break;
            if (res.status !== 503)
              throw new Error(`push ${res.status} ${JSON.stringify(res.body)}`);
          }
        }
      }),
    );
    pushing = false;
    const skipped = (await Promise.all(pulled)).reduce((a, b) => a + b, 0);
    return { ms: performance.now() - start, skipped };
  } finally {
    await c.close();
  }
}

export const centralBenchmarks: Benchmark[] = [
  {
    id: 'P10',
    name: `${DEVICES} devices x ${PER_DEVICE} entries pushing at once to PostgreSQL, pullers converged`,
    async measure() {
      const samples: number[] = [];
      let skipped = 0;
      try {
        for (let i = 0; i < RUNS; i++) {
          const r = await once();
          samples.push(r.ms);
          skipped += r.skipped;
        }
      } finally {
        await stopCluster();
      }
      const sorted = [...samples].sort((a, b) => a - b);
      const round = (x: number) => Math.round(x);
      return {
        id: 'P10',
        name: this.name,
        n: RUNS,
        medianMs: round(percentile(sorted, 50)),
        p95Ms: round(percentile(sorted, 95)),
        floorMs: 10_000,
        note: `rows skipped by pullers: ${skipped}`,
      };
    },
  },
];
