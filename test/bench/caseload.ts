/** P1 unlock to first page, P2 search as you type, P5 encryption overhead on writes. */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { initialiseCaseload, Session, startServices } from '../../src-main/app/session';
import { openDatabase } from '../../src-main/db/open';
import { demoReferral } from '../../src-main/demo/demo-caseload';
import { seedReferrals } from '../support/bulk-referrals';
import { HybridLogicalClock } from '../../src-main/write-path/hlc';
import { WritePath } from '../../src-main/write-path/write-path';
import { createServices } from '../../src-main/app/services';
import { randomBytes } from 'node:crypto';
import { time, type Benchmark } from './harness';

export const PASS = 'bench passphrase for waymark';
const TODAY = '2026-11-23';
/** Seeded caseloads are kept between runs (gitignored): seeding 50,000 takes minutes. */
const CACHE = resolve(import.meta.dirname, '../../.bench');

export async function seededCaseload(n: number) {
  mkdirSync(CACHE, { recursive: true });
  const paths = dataPathsFor(join(CACHE, `caseload ${n}.waymark`));
  if (!existsSync(paths.keyFile) || !existsSync(paths.database)) {
    rmSync(paths.database, { force: true });
    rmSync(paths.keyFile, { force: true });
    const opened = await initialiseCaseload(paths, 'Bench Adviser', PASS);
    const { services } = await startServices(opened, () => new Date());
    await seedReferrals(services, n, TODAY);
    await opened.close();
  }
  return paths;
}

const p1: Benchmark = {
  id: 'P1',
  name: 'unlock (key derivation + open + migrate) to the first caseload page, 5,000 participants',
  async measure() {
    const paths = await seededCaseload(5000);
    const t = await time(async () => {
      const session = new Session({ paths });
      await session.unlock(PASS);
      const page = await session.require().services.participants.list({ limit: 100 });
      if (page.rows.length !== 100) throw new Error('first page incomplete');
      await session.lock('quit');
    }, 7);
    return {
      id: 'P1',
      name: this.name,
      n: 5000,
      medianMs: t.medianMs,
      p95Ms: t.p95Ms,
      floorMs: 1000,
    };
  },
};

const p2: Benchmark = {
  id: 'P2',
  name: 'search as you type, 50,000 participants (each keystroke: count + first 50 rows)',
  async measure() {
    const paths = await seededCaseload(50_000);
    const session = new Session({ paths });
    await session.unlock(PASS);
    const svc = session.require().services.participants;
    const typed = ['Wiśniewska', 'AB000123', 'S1 2AB', 'JCP-0012345', 'patel priya', 'CF24'];
    const keystrokes = typed.flatMap((word) => [...word].map((_, i) => word.slice(0, i + 1)));
    let k = 0;
    const t = await time(
      async () => {
        await svc.list({ search: keystrokes[k++ % keystrokes.length]!, limit: 50 });
      },
      keystrokes.length * 3,
      5,
    );
    await session.lock('quit');
    return {
      id: 'P2',
      name: this.name,
      n: 50_000,
      medianMs: t.medianMs,
      p95Ms: t.p95Ms,
      floorMs: 30,
    };
  },
};

/** Writes 1,000 intakes (rows + audit + journal + timeline) into a fresh database. */
async function writeWorkload(plaintext: boolean) {
  const dir = join(CACHE, `p5 ${plaintext ? 'plain' : 'enc'}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const opened = await openDatabase({ file: join(dir, 'db'), key: randomBytes(32), plaintext });
  await opened.db
    .insertInto('advisers')
    .values({ id: 'a', name: 'Bench', role: 'adviser', created_at: TODAY })
    .execute();
  const wp = new WritePath(opened.db, {
    actor: { id: 'a', name: 'Bench' },
    hlc: new HybridLogicalClock('0123456789abcdef'),
    now: () => new Date(),
  });
  const services = createServices(wp);
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  return {
    run: async () => {
      for (let i = 0; i < 1000; i++) {
        const { referral } = demoReferral(Math.floor(random() * 1e9), random, TODAY);
        await services.participants.create(referral);
      }
    },
    close: () => opened.close(),
  };
}

const p5: Benchmark = {
  id: 'P5',
  name: 'encrypted / plaintext, write-heavy (1,000 intakes, one transaction each, synchronous=FULL)',
  async measure() {
    // Interleaved runs, so a burst of disk or CPU load elsewhere hits both sides alike: with
    // synchronous=FULL every transaction waits for an fsync, which dominates and varies.
    const samples = { plain: [] as number[], enc: [] as number[] };
    for (let i = 0; i < 7; i++) {
      for (const plaintext of [true, false]) {
        const w = await writeWorkload(plaintext);
        const t = performance.now();
        await w.run();
        samples[plaintext ? 'plain' : 'enc'].push(performance.now() - t);
        await w.close();
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = Math.round((median(samples.enc) / median(samples.plain)) * 1000) / 1000;
    const sorted = [...samples.enc].sort((a, b) => a - b);
    return {
      id: 'P5',
      name: this.name,
      n: 1000,
      medianMs: Math.round(median(samples.enc)),
      p95Ms: Math.round(sorted[sorted.length - 1]!),
      ratio,
      note: `plaintext median ${Math.round(median(samples.plain))} ms`,
    };
  },
};

export const caseloadBenchmarks: Benchmark[] = [p1, p2, p5];
