/**
 * Seeded fault schedules (sync design §7), on the embedded store. Each request of a run draws its
 * fault from the seed: dropped requests, replies lost after the server committed, duplicates (at
 * once and late), delays, reordering, 5xx, 429 with Retry-After, replies cut mid-body and garbled.
 * After the network heals the invariants must hold: nothing lost, nothing applied twice, both
 * devices hold the server's records column for column, and the queue drained (it never wedged).
 * The test name carries the seed, so a failure replays with `SYNC_SEEDS=<seed>`.
 *
 * `npm test` runs 50 schedules; `npm run -s test:sync-long` runs 1,000 (SYNC_SCHEDULES).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startCentral, type Central } from './harness';
import { newGroup, runSchedule, type ScheduleGroup } from './schedule';

const COUNT = Number(process.env.SYNC_SCHEDULES ?? 50);
const ONLY = process.env.SYNC_SEEDS?.split(',').map(Number);
const SEEDS = ONLY ?? Array.from({ length: COUNT }, (_, i) => i + 1);
/** Devices are replaced every GROUP seeds so a long run stays linear. */
const GROUP = 10;

let central: Central;
let group: ScheduleGroup | null = null;
let groupIndex = -1;

beforeAll(async () => {
  central = await startCentral();
});
afterAll(async () => {
  for (const d of group?.devices ?? []) await d.close();
  await central.close();
});

async function groupFor(seed: number): Promise<ScheduleGroup> {
  const index = Math.floor((seed - 1) / GROUP);
  if (group && index === groupIndex) return group;
  for (const d of group?.devices ?? []) await d.close();
  group = await newGroup(central, index);
  groupIndex = index;
  return group;
}

describe('seeded fault schedules (PGlite)', () => {
  it.each(SEEDS)('schedule with seed %i converges with nothing lost or doubled', async (seed) => {
    await runSchedule(central, await groupFor(seed), seed);
  });
});
