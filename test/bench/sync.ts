/**
 * P8: the device's sync against the embedded central service (PGlite) over loopback HTTP.
 * - push: 10,000 journal entries (5,000 participants and their referral events) from one real
 *   encrypted caseload, in batches of 100, each acked and archived in one local transaction;
 * - pull: 50,000 participant records into a fresh encrypted caseload, pages of 1,000, each page
 *   applied with its cursor in one transaction.
 * Setup (untimed) builds the data with the app's own services; one run each (a run is seconds).
 */
import os from 'node:os';
import type { Benchmark, BenchResult } from './harness';
import { createEnrolmentCode } from '../../src-central/org/devices';
import {
  enrol as enrolRaw,
  mutations,
  newAdviser,
  pushBatch,
  startCentral,
} from '../central/harness';
import { demoReferral, rng } from '../../src-main/demo/demo-caseload';
import { SyncClient } from '../../src-main/sync/client';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';

const PUSH_PARTICIPANTS = 5_000; // 2 journal entries each
const PULL_RECORDS = 50_000;

/**
 * Device and server share this process, so its CPU time is the whole sync's cost; on a shared
 * machine it moves far less than wall time does.
 */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return Math.round((d.user + d.system) / 1000);
}
function cpuNote(what: string, wallMs: number, cpuMs: number): string {
  const note = `CPU ${cpuMs} ms, load average ${os.loadavg()[0]!.toFixed(1)}`;
  process.stderr.write(`P8 ${what}: wall ${Math.round(wallMs)} ms, ${note}\n`);
  return note;
}

async function addParticipants(c: TempCaseload, n: number, from = 0): Promise<void> {
  const random = rng(8);
  for (let start = 0; start < n; start += 500)
    await c.services.wp.transaction(async (w) => {
      for (let i = start; i < Math.min(start + 500, n); i++)
        await c.services.participants.createIn(
          w,
          demoReferral(from + i + 1, random, '2026-11-20').referral,
          'import',
        );
    });
}

async function pushBench(): Promise<BenchResult> {
  const central = await startCentral('pglite');
  const device = await tempCaseload();
  try {
    await addParticipants(device, PUSH_PARTICIPANTS);
    const adviser = await newAdviser(central);
    const client = new SyncClient(device.services.wp);
    await client.enrol(central.url, (await createEnrolmentCode(central.store.db, adviser)).code);
    const t = performance.now();
    const cpu = process.cpuUsage();
    const r = await client.push();
    const ms = performance.now() - t;
    const cpuMs = cpuMsSince(cpu);
    if (r.pushed !== PUSH_PARTICIPANTS * 2) throw new Error(`pushed ${r.pushed}`);
    return {
      id: 'P8',
      name: `sync push ${r.pushed} journal entries to the embedded central service`,
      n: 1,
      medianMs: Math.round(ms),
      p95Ms: Math.round(ms),
      floorMs: 3000,
      note: cpuNote('push', ms, cpuMs),
    };
  } finally {
    await device.close();
    await central.close();
  }
}

async function pullBench(): Promise<BenchResult> {
  const central = await startCentral('pglite');
  const template = await tempCaseload();
  const fresh = await tempCaseload();
  try {
    // A real participant row as the device stores it, cloned into 50,000 server records.
    await addParticipants(template, 1);
    const row = await template.services.wp.db
      .selectFrom('participants')
      .selectAll()
      .executeTakeFirstOrThrow();
    const adviser = await newAdviser(central);
    const writer = await enrolRaw(central, adviser);
    for (let start = 0; start < PULL_RECORDS; start += 100) {
      const batch = mutations(
        writer,
        Array.from({ length: 100 }, (_, k) => {
          const i = start + k;
          const id = `${row.id.slice(0, 24)}${i.toString(16).padStart(12, '0')}`;
          return {
            entity: 'participant',
            entityId: id,
            data: { ...row, id, referral_id: `JCP-P${String(i).padStart(7, '0')}` },
          };
        }),
      );
      const res = await pushBatch(central, writer, batch);
      if (res.status !== 200) throw new Error(`setup push ${res.status}`);
    }
    const client = new SyncClient(fresh.services.wp);
    await client.enrol(central.url, (await createEnrolmentCode(central.store.db, adviser)).code);
    const t = performance.now();
    const cpu = process.cpuUsage();
    const r = await client.pull();
    const ms = performance.now() - t;
    const cpuMs = cpuMsSince(cpu);
    if (r.pulled !== PULL_RECORDS) throw new Error(`pulled ${r.pulled}`);
    return {
      id: 'P8',
      name: `sync pull ${r.pulled} records into a fresh device`,
      n: 1,
      medianMs: Math.round(ms),
      p95Ms: Math.round(ms),
      floorMs: 6000,
      note: cpuNote('pull', ms, cpuMs),
    };
  } finally {
    await template.close();
    await fresh.close();
    await central.close();
  }
}

export const syncBenchmarks: Benchmark[] = [
  { id: 'P8', name: 'sync push 10,000 journal entries', measure: pushBench },
  { id: 'P8', name: 'sync pull 50,000 records', measure: pullBench },
];
