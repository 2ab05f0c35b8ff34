/**
 * Recovery paths against the real central service: a server restored from backup (new epoch,
 * acknowledged pushes gone), a device clock hours out, Retry-After, the timer that retries with no
 * new write, revocation, and a participant reallocated away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { resetEpoch, currentEpoch } from '../../src-central/org/organisation';
import { revokeDevice } from '../../src-central/org/devices';
import { hlcMillis } from '../../src-shared/sync/protocol';
import { SyncStopped } from '../../src-main/sync/client';
import { SyncService } from '../../src-main/sync/service';
import { NO_BACKOFF } from '../../src-main/sync/backoff';
import { readState } from '../../src-main/sync/state';
import { syncSummary } from '../../src-main/sync/status';
import { startFaultProxy } from '../support/fault-proxy';
import { checkInvariants, enrol, newDevice, startCentral, type Central } from './harness';

let central: Central;
beforeAll(async () => {
  central = await startCentral();
});
afterAll(async () => {
  await central.close();
});

const HOURS_2 = 2 * 60 * 60 * 1000;

describe('recovery', () => {
  it('re-pushes from the archive when the server is restored from an older backup', async () => {
    const adviser = await central.addAdviser('Restored Adviser');
    const device = await newDevice();
    try {
      await device.addParticipant(9001);
      const client = await enrol(central, device, adviser);
      await client.sync();
      const { device_id } = await readState(device.c.services.wp.db);
      const backupSeq = (await readState(device.c.services.wp.db)).last_acked_seq;
      const later = [await device.addParticipant(9002), await device.addParticipant(9003)];
      await client.sync();
      expect((await readState(device.c.services.wp.db)).last_acked_seq).toBeGreaterThan(backupSeq);

      // "Restore" the server to before the later pushes: their ledger rows, records and
      // allocations go, the device's position goes back, and the epoch changes.
      const db = central.store.db;
      await db
        .deleteFrom('mutation_ledger')
        .where('device_id', '=', device_id!)
        .where('seq', '>', backupSeq)
        .execute();
      await db.deleteFrom('records').where('participant_id', 'in', later).execute();
      await db.deleteFrom('allocations').where('participant_id', 'in', later).execute();
      await db
        .updateTable('devices')
        .set({ applied_seq: backupSeq })
        .where('id', '=', device_id!)
        .execute();
      const before = await currentEpoch(db);
      await resetEpoch(db);

      await client.sync();
      expect((await readState(device.c.services.wp.db)).epoch).not.toBe(before);
      const back = await db
        .selectFrom('records')
        .select('entity_id')
        .where('entity_type', '=', 'participant')
        .where('entity_id', 'in', later)
        .execute();
      expect(back).toHaveLength(2);
      await checkInvariants(central, device);
    } finally {
      await device.close();
    }
  });

  it('syncs from a laptop whose clock is two hours fast, and says so plainly', async () => {
    const adviser = await central.addAdviser('Fast Clock Adviser');
    const now = () => new Date(Date.now() + HOURS_2);
    const device = await newDevice({ now });
    try {
      const pid = await device.addParticipant(9101);
      const client = device.client(central.url, { now });
      await client.enrol(central.url, await central.code(adviser));
      await client.sync();
      await checkInvariants(central, device);
      const hlcs = await central.store.db
        .selectFrom('records')
        // Stored packed (field-clocks.ts): the field's own HLC, or the record's common one.
        .select(sql<string>`coalesce(field_hlc->>'given_name', field_hlc->>'*')`.as('hlc'))
        .where('entity_type', '=', 'participant')
        .where('entity_id', '=', pid)
        .execute();
      expect(hlcs).toHaveLength(1);
      expect(hlcMillis(hlcs[0]!.hlc)).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
      expect(hlcMillis(hlcs[0]!.hlc)).toBeGreaterThan(Date.now() - 5 * 60_000);
      const summary = await syncSummary(device.c.services.wp.db);
      expect(summary.clockMessage).toMatch(/^Your computer's clock is 2 hours fast/);
      // The local journal keeps its own clock: nothing was rewritten.
      const journal = await device.c.services.wp.db
        .selectFrom('change_journal')
        .select('hlc')
        .execute();
      expect(journal.every((j) => hlcMillis(j.hlc) > Date.now() + HOURS_2 - 60_000)).toBe(true);
    } finally {
      await device.close();
    }
  });

  it('learns the offset from a clock_skew refusal when the clock jumps after enrolment', async () => {
    const adviser = await central.addAdviser('Jumping Clock Adviser');
    let skew = 0;
    const now = () => new Date(Date.now() + skew);
    const device = await newDevice({ now });
    try {
      const client = device.client(central.url, { now });
      await client.enrol(central.url, await central.code(adviser));
      await client.sync();
      skew = 3 * 60 * 60 * 1000;
      await device.addParticipant(9201);
      await client.sync();
      await checkInvariants(central, device);
      expect((await syncSummary(device.c.services.wp.db)).clockMessage).toMatch(/3 hours fast/);
    } finally {
      await device.close();
    }
  });

  it('waits as long as Retry-After asks on 429, then carries on', async () => {
    const adviser = await central.addAdviser('Throttled Adviser');
    const proxy = await startFaultProxy({
      target: central.url,
      seed: 5,
      rate: 1,
      faults: ['throttle'],
      retryAfterSeconds: 7,
    });
    const device = await newDevice();
    const slept: number[] = [];
    try {
      await enrol(central, device, adviser);
      await device.addParticipant(9301);
      await device.c.services.wp.db
        .updateTable('sync_state')
        .set({ server_url: proxy.url })
        .execute();
      const client = device.client(proxy.url, {
        sleep: async (ms) => {
          slept.push(ms);
          if (slept.length === 2) proxy.heal();
        },
      });
      await client.sync();
      expect(slept.slice(0, 2)).toEqual([7000, 7000]);
      await checkInvariants(central, device);
    } finally {
      await device.close();
      await proxy.close();
    }
  });

  it('retries on its timer after a failure with no new write (the stuck-queue bug)', async () => {
    const adviser = await central.addAdviser('Timer Adviser');
    const proxy = await startFaultProxy({
      target: central.url,
      seed: 6,
      rate: 1,
      faults: ['drop-request'],
    });
    const device = await newDevice();
    try {
      await enrol(central, device, adviser);
      await device.addParticipant(9401);
      await device.c.services.wp.db
        .updateTable('sync_state')
        .set({ server_url: proxy.url })
        .execute();
      const service = new SyncService(device.c.services.wp, {
        backoff: { ...NO_BACKOFF, baseMs: 1, capMs: 5 },
        maxRetries: 0,
        intervalMs: 60_000,
      });
      const first = await service.syncNow();
      expect(first.ok).toBe(false);
      const view = await service.view();
      expect(view).toMatchObject({ pending: 2, offline: true });
      expect(view.waiting.map((w) => w.kind)).toEqual(['Participant details', 'Timeline entries']);
      proxy.heal();
      // No new write and no call: the re-armed timer alone must drain the queue.
      for (let i = 0; i < 100 && (await syncSummary(device.c.services.wp.db)).pending > 0; i++)
        await new Promise((r) => setTimeout(r, 50));
      await service.stop();
      expect((await syncSummary(device.c.services.wp.db)).pending).toBe(0);
      await checkInvariants(central, device);
    } finally {
      await device.close();
      await proxy.close();
    }
  });

  it('a revoked device stops, keeps its unsynced changes and says why', async () => {
    const adviser = await central.addAdviser('Revoked Adviser');
    const device = await newDevice();
    try {
      const client = await enrol(central, device, adviser);
      await client.sync();
      await revokeDevice(central.store.db, (await readState(device.c.services.wp.db)).device_id!);
      await device.addParticipant(9501);
      await expect(client.sync()).rejects.toBeInstanceOf(SyncStopped);
      const summary = await syncSummary(device.c.services.wp.db);
      expect(summary).toMatchObject({ revoked: true, pending: 2 });
      expect(summary.problem).toMatch(/withdrawn/);
      await expect(client.sync()).rejects.toThrow(/withdrawn/);
    } finally {
      await device.close();
    }
  });

  it('forgets a participant reallocated away, but keeps one with unsynced work until it is pushed', async () => {
    const owner = await central.addAdviser('Old Owner');
    const other = await central.addAdviser('New Owner');
    const device = await newDevice();
    try {
      const gone = await device.addParticipant(9601);
      const busy = await device.addParticipant(9602);
      const client = await enrol(central, device, owner);
      await client.sync();
      await central.allocate(gone, other, 'owner');
      await client.sync();
      const ids = async () =>
        (await device.c.services.wp.db.selectFrom('participants').select('id').execute()).map(
          (r) => r.id,
        );
      expect(await ids()).not.toContain(gone);
      expect(
        await device.c.services.wp.db
          .selectFrom('participant_events')
          .select('id')
          .where('participant_id', '=', gone)
          .execute(),
      ).toEqual([]);
      await checkInvariants(central, device);
      // Unsynced work on a participant leaving scope is kept locally, pushed, and the server's
      // out_of_scope answer is quarantined — never dropped silently.
      await central.allocate(busy, other, 'owner');
      await device.c.services.participants.setStatus({
        id: busy,
        status: 'allocated',
        date: '2026-11-20',
      });
      await client.sync();
      const summary = await syncSummary(device.c.services.wp.db);
      expect(summary.pending).toBe(0);
      expect(summary.quarantined).toBeGreaterThan(0);
      const q = await device.c.services.wp.db.selectFrom('sync_quarantine').selectAll().execute();
      expect(q.map((r) => r.code)).toContain('out_of_scope');
    } finally {
      await device.close();
    }
  });
});
