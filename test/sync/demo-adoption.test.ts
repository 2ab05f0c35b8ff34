/**
 * A full demo caseload (offices, rooms, diaries, meetings, plans, letters, claims: every entity
 * type the journal knows) used before enrolment is adopted on its first sync: nothing is
 * quarantined, a second device of the adviser receives every record, and the device's counts equal
 * the server's export for that adviser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCaseload } from '../../src-main/services/demo-caseload';
import { scopeCounts, syncSummary } from '../../src-main/sync/status';
import {
  checkInvariants,
  enrol,
  expectConverged,
  newDevice,
  startCentral,
  type Central,
} from './harness';

let central: Central;
beforeAll(async () => {
  central = await startCentral();
});
afterAll(async () => {
  await central.close();
});

describe('adopting a demo caseload', () => {
  it('pushes every kind of record once and a fresh device receives them all', async () => {
    const adviser = await central.addAdviser('Demo Adviser');
    const device = await newDevice();
    const fresh = await newDevice();
    try {
      await seedDemoCaseload(device.c.services, { participants: 3, seed: 7, today: '2026-11-20' });
      const types = await device.c.services.wp.db
        .selectFrom('change_journal')
        .select('entity_type')
        .distinct()
        .execute();
      expect(types.length).toBeGreaterThan(8);
      const client = await enrol(central, device, adviser);
      await client.sync();
      const q = await device.c.services.wp.db.selectFrom('sync_quarantine').selectAll().execute();
      expect(q.map((r) => `${r.entity_type}:${r.code}:${r.message}`)).toEqual([]);
      expect(await syncSummary(device.c.services.wp.db)).toMatchObject({
        pending: 0,
        conflicts: 0,
      });
      await checkInvariants(central, device);
      const c2 = await enrol(central, fresh, adviser);
      await c2.sync();
      await expectConverged(central, fresh);
      expect(await scopeCounts(fresh.c.services.wp.db)).toEqual(
        await scopeCounts(device.c.services.wp.db),
      );
    } finally {
      await device.close();
      await fresh.close();
    }
  });
});
