/**
 * Seeded fault schedules (sync design §7). Two devices of one adviser write offline and sync
 * through the fault proxy, each request of a run drawing its fault from the seed: dropped
 * requests, replies lost after the server committed, duplicates (at once and late), delays,
 * reordering, 5xx, 429 with Retry-After, replies cut mid-body and garbled. After the network heals
 * the invariants must hold: nothing lost, nothing applied twice, both devices hold the server's
 * records column for column, and the queue drained (it never wedged). The test name carries the
 * seed, so a failure replays with `SYNC_SEEDS=<seed>`.
 *
 * `npm test` runs 50 schedules; `npm run -s test:sync-long` runs 1,000 (SYNC_SCHEDULES).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncStopped, type SyncClient } from '../../src-main/sync/client';
import { seededRandom, startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import {
  checkInvariants,
  enrol,
  newDevice,
  startCentral,
  type Central,
  type Device,
} from './harness';

const COUNT = Number(process.env.SYNC_SCHEDULES ?? 50);
const ONLY = process.env.SYNC_SEEDS?.split(',').map(Number);
const SEEDS = ONLY ?? Array.from({ length: COUNT }, (_, i) => i + 1);
/** Devices are replaced every GROUP seeds so the long run stays linear. */
const GROUP = 10;

let central: Central;
let group: { devices: Device[]; people: string[][]; next: number } | null = null;
let groupIndex = -1;

beforeAll(async () => {
  central = await startCentral();
});
afterAll(async () => {
  for (const d of group?.devices ?? []) await d.close();
  await central.close();
});

async function groupFor(seed: number) {
  const index = Math.floor((seed - 1) / GROUP);
  if (group && index === groupIndex) return group;
  for (const d of group?.devices ?? []) await d.close();
  const adviser = await central.addAdviser(`Adviser ${index}`);
  const devices = [await newDevice(), await newDevice()];
  for (const d of devices) await enrol(central, d, adviser);
  groupIndex = index;
  group = { devices, people: [[], []], next: index * 100_000 };
  return group;
}

const STATUSES = ['allocated', 'contacted', 'induction-booked', 'started'] as const;

/** Syncs until a run completes; transient failures are expected, a stop is a bug. */
async function syncThrough(client: SyncClient, attempts = 40): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await client.sync();
      return;
    } catch (error) {
      if (error instanceof SyncStopped || i >= attempts) throw error;
    }
  }
}

describe('seeded fault schedules', () => {
  it.each(SEEDS)('schedule with seed %i converges with nothing lost or doubled', async (seed) => {
    const g = await groupFor(seed);
    const random = seededRandom(seed * 7919);
    const proxies: FaultProxy[] = [];
    try {
      // Offline writes on both devices: new participants and status changes.
      for (const [i, device] of g.devices.entries()) {
        const adds = Math.floor(random() * 3) + (i === 0 ? 1 : 0);
        for (let k = 0; k < adds; k++) g.people[i]!.push(await device.addParticipant(++g.next));
        const mine = g.people[i]!;
        if (mine.length > 0 && random() < 0.7) {
          const id = mine[Math.floor(random() * mine.length)]!;
          const p = await device.c.services.participants.get(id);
          const at = STATUSES.indexOf(p.status as (typeof STATUSES)[number]);
          if (at < STATUSES.length - 1)
            await device.c.services.participants.setStatus({
              id,
              status: STATUSES[at + 1]!,
              date: '2026-11-20',
            });
        }
      }
      const clients = [];
      for (const [i, device] of g.devices.entries()) {
        const proxy = await startFaultProxy({
          target: central.url,
          seed: seed * 2 + i,
          rate: 0.4,
          delayMs: 5,
          retryAfterSeconds: 3,
        });
        proxies.push(proxy);
        clients.push(
          device.client(proxy.url, {
            batchSize: 3,
            pullLimit: 4,
            maxRetries: 3,
            timeoutMs: 1500,
          }),
        );
      }
      // Point each device at its proxy for this schedule.
      for (const [i, device] of g.devices.entries())
        await device.c.services.wp.db
          .updateTable('sync_state')
          .set({ server_url: proxies[i]!.url })
          .execute();
      for (const c of clients) await syncThrough(c);
      for (const p of proxies) p.heal();
      for (const p of proxies) await p.settle();
      // Quiescence: each device syncs once more so it has the other's writes.
      for (const c of clients) await c.sync();
      await clients[0]!.sync();
      for (const device of g.devices) await checkInvariants(central, device);
    } catch (error) {
      const faults = proxies.map((p) => p.log.map((l) => `${l.path}:${l.fault}`).join(' '));
      throw new Error(
        `Seed ${seed} failed (replay with SYNC_SEEDS=${seed}): ${(error as Error).message}\nfaults: ${faults.join(' | ')}`,
        { cause: error },
      );
    } finally {
      for (const p of proxies) await p.close();
    }
    expect(true).toBe(true);
  });
});
