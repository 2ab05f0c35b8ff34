/**
 * A laptop restored from an older copy of its caseload (a backup, a cloned disk): the server has
 * changes the restored copy no longer remembers sending, and the copy numbers its next changes
 * with seqs the server already holds. The server must not answer them with the old results (the
 * new change would be archived unsent: silent loss); the device renumbers after the server's
 * position and pulls back what the lost copy had sent. Nothing lost, nothing applied twice.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readState } from '../../src-main/sync/state';
import { PASSPHRASE } from '../support/temp-caseload';
import { expectConverged, newDevice, startCentral, type Central, type Device } from './harness';

let central: Central;
beforeAll(async () => {
  central = await startCentral();
});
afterAll(async () => {
  await central.close();
});

/** Closes the caseload, runs `work` on its file, opens it again (the services are new). */
async function whileClosed(device: Device, work: (file: string) => void): Promise<void> {
  await device.c.session.lock('quit');
  work(device.c.paths.database);
  await device.c.session.unlock(PASSPHRASE);
  device.c.services = device.c.session.require().services;
}

describe('a device restored from an older copy of its caseload', () => {
  it('renumbers its new changes after the server’s position and pulls back what the lost copy sent', async () => {
    const adviser = await central.addAdviser('Restored Laptop Adviser');
    const device = await newDevice();
    try {
      const first = await device.addParticipant(9501);
      await device.client(central.url).enrol(central.url, await central.code(adviser));
      await device.client(central.url).sync();
      const backup = `${device.c.paths.database}.backup`;
      await whileClosed(device, (file) => copyFileSync(file, backup));
      const backupState = await readState(device.c.services.wp.db);

      // Work after the backup reaches the server, then the laptop is restored from the backup.
      const lost = [await device.addParticipant(9502), await device.addParticipant(9503)];
      await device.client(central.url).sync();
      const { device_id } = await readState(device.c.services.wp.db);
      const serverSeq = async () =>
        Number(
          (
            await central.store.db
              .selectFrom('devices')
              .select('applied_seq')
              .where('id', '=', device_id!)
              .executeTakeFirstOrThrow()
          ).applied_seq,
        );
      const before = await serverSeq();
      expect(before).toBeGreaterThan(backupState.last_seq);
      await whileClosed(device, (file) => {
        rmSync(`${file}-wal`, { force: true });
        rmSync(`${file}-shm`, { force: true });
        copyFileSync(backup, file);
      });
      expect((await readState(device.c.services.wp.db)).last_seq).toBe(backupState.last_seq);
      const db = device.c.services.wp.db;
      expect(
        await db.selectFrom('participants').select('id').where('id', 'in', lost).execute(),
      ).toEqual([]);

      // The restored copy's next change takes a seq the server already holds for another change.
      const fresh = await device.addParticipant(9504);
      const [entry] = await db.selectFrom('sync_outbox').select(['seq', 'journal_id']).execute();
      expect(entry!.seq).toBeLessThanOrEqual(before);
      await device.client(central.url).sync();

      // Applied once, at the next position after the server's; nothing left queued.
      const ledger = await central.store.db
        .selectFrom('mutation_ledger')
        .select(['seq', 'mutation_id'])
        .where('device_id', '=', device_id!)
        .orderBy('seq')
        .execute();
      expect(ledger.map((l) => Number(l.seq))).toEqual(ledger.map((_, i) => i + 1));
      expect(ledger.filter((l) => l.mutation_id === entry!.journal_id).map((l) => l.seq)).toEqual([
        before + 1,
      ]);
      const state = await readState(db);
      expect(await db.selectFrom('sync_outbox').selectAll().execute()).toEqual([]);
      expect(state.last_acked_seq).toBe(state.last_seq);
      expect(state.last_seq).toBe(ledger.length);

      // Every participant exactly once on the server, and all four back on the laptop.
      const all = [first, ...lost, fresh].sort();
      const onServer = await central.store.db
        .selectFrom('records')
        .select('entity_id')
        .where('entity_type', '=', 'participant')
        .where('entity_id', 'in', all)
        .execute();
      expect(onServer.map((r) => r.entity_id).sort()).toEqual(all);
      const local = await db.selectFrom('participants').select('id').orderBy('id').execute();
      expect(local.map((r) => r.id).sort()).toEqual(all);
      await expectConverged(central, device);

      // And it keeps syncing normally afterwards.
      await device.addParticipant(9505);
      await device.client(central.url).sync();
      expect((await readState(db)).last_acked_seq).toBe(ledger.length + 2);
    } finally {
      await device.close();
    }
  });
});
