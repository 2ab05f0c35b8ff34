/**
 * One seeded fault schedule (used on PGlite and on PostgreSQL): two devices of one adviser write
 * offline, then sync at the same time, each through its own fault proxy drawing faults from the
 * seed. After the network heals both sync to quiescence and the invariants are checked.
 */
import { SyncStopped, type SyncClient } from '../../src-main/sync/client';
import { seededRandom, startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { checkInvariants, enrol, newDevice, type Central, type Device } from './harness';

export interface ScheduleGroup {
  devices: Device[];
  people: string[][];
  next: number;
}

export async function newGroup(central: Central, index: number): Promise<ScheduleGroup> {
  const adviser = await central.addAdviser(`Adviser ${index}`);
  const devices = [await newDevice(), await newDevice()];
  for (const d of devices) await enrol(central, d, adviser);
  return { devices, people: [[], []], next: index * 100_000 };
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

export async function runSchedule(central: Central, g: ScheduleGroup, seed: number): Promise<void> {
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
    const clients: SyncClient[] = [];
    for (const [i, device] of g.devices.entries()) {
      const proxy = await startFaultProxy({
        target: central.url,
        seed: seed * 2 + i,
        rate: 0.4,
        delayMs: 5,
        retryAfterSeconds: 3,
      });
      proxies.push(proxy);
      // Point the device at its proxy for this schedule.
      await device.c.services.wp.db
        .updateTable('sync_state')
        .set({ server_url: proxy.url })
        .execute();
      clients.push(
        device.client(proxy.url, { batchSize: 3, pullLimit: 4, maxRetries: 3, timeoutMs: 1500 }),
      );
    }
    await Promise.all(clients.map((c) => syncThrough(c)));
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
}
