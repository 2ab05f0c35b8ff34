/**
 * The same sync guarantees on real PostgreSQL (a private cluster on a free loopback port), where
 * concurrent pushes really interleave: seeded fault schedules with two devices syncing at once,
 * the owner/cover identity conflict, and a server restored from backup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readState } from '../../src-main/sync/state';
import { listConflicts } from '../../src-main/sync/conflicts';
import { startPostgres, type PostgresCluster } from '../support/postgres-cluster';
import { checkInvariants, enrol, newDevice, startCentral, type Central } from './harness';
import { newGroup, runSchedule, type ScheduleGroup } from './schedule';

const SEEDS = Array.from(
  { length: Number(process.env.SYNC_PG_SCHEDULES ?? 10) },
  (_, i) => 1000 + i,
);

let cluster: PostgresCluster;
let central: Central;
let group: ScheduleGroup;

beforeAll(async () => {
  cluster = await startPostgres();
  central = await startCentral({ database: await cluster.createDatabase('sync_device_tests') });
  group = await newGroup(central, 0);
}, 120_000);
afterAll(async () => {
  for (const d of group?.devices ?? []) await d.close();
  await central?.close();
  await cluster?.stop();
});

describe('sync on PostgreSQL', () => {
  it.each(SEEDS)('schedule with seed %i converges with nothing lost or doubled', async (seed) => {
    await runSchedule(central, group, seed);
  });

  it('records an identity conflict between owner and cover and merges the status', async () => {
    const ownerId = await central.addAdviser('PG Owner');
    const coverId = await central.addAdviser('PG Cover');
    const owner = await newDevice();
    const cover = await newDevice();
    try {
      const pid = await owner.addParticipant(8001);
      const o = await enrol(central, owner, ownerId);
      await o.sync();
      await central.allocate(pid, coverId, 'cover');
      const c = await enrol(central, cover, coverId);
      await c.sync();
      for (const [device, name] of [
        [owner, 'Marta'],
        [cover, 'Martha'],
      ] as const) {
        const p = await device.c.services.participants.get(pid);
        const {
          id: _i,
          status: _s,
          exitReason: _e,
          version,
          createdAt: _c,
          updatedAt: _u,
          ...ref
        } = p;
        void [_i, _s, _e, _c, _u];
        await device.c.services.participants.update(pid, version, { ...ref, givenName: name });
      }
      await cover.c.services.participants.setStatus({
        id: pid,
        status: 'allocated',
        date: '2026-11-20',
      });
      await Promise.all([o.sync(), c.sync()]);
      await o.sync();
      await c.sync();
      await o.sync();
      const decide = [
        ...(await listConflicts(owner.c.services.wp)),
        ...(await listConflicts(cover.c.services.wp)),
      ].filter((x) => x.kind === 'decide');
      expect(decide).toHaveLength(1);
      expect(decide[0]!.field).toBe('given_name');
      expect((await owner.c.services.participants.get(pid)).status).toBe('allocated');
      await checkInvariants(central, owner);
      await checkInvariants(central, cover);
      expect((await readState(owner.c.services.wp.db)).last_acked_seq).toBeGreaterThan(0);
    } finally {
      await owner.close();
      await cover.close();
    }
  });
});
