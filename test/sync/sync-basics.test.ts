/**
 * The sync client against the real central service on loopback (PGlite): enrolment that survives
 * a lost reply, adoption of a caseload used before enrolment, pull into a second device of the
 * same adviser, the whole-state check, and the wrong or reused code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncStopped } from '../../src-main/sync/client';
import { readState } from '../../src-main/sync/state';
import { scopeCounts, syncSummary } from '../../src-main/sync/status';
import { startFaultProxy } from '../support/fault-proxy';
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

describe('sync with the central service', () => {
  it('adopts a caseload used before enrolment: its whole history goes up once', async () => {
    const adviser = await central.addAdviser('Ada Adviser');
    const device = await newDevice();
    try {
      const ids = [];
      for (let i = 1; i <= 5; i++) ids.push(await device.addParticipant(i));
      await device.c.services.participants.setStatus({
        id: ids[0]!,
        status: 'allocated',
        date: '2026-11-03',
      });
      const client = await enrol(central, device, adviser);
      const result = await client.sync();
      const journal = await device.c.services.wp.db
        .selectFrom('change_journal')
        .select('id')
        .execute();
      expect(result.pushed).toBe(journal.length);
      await checkInvariants(central, device);
      const summary = await syncSummary(device.c.services.wp.db);
      expect(summary).toMatchObject({ pending: 0, conflicts: 0, quarantined: 0 });
      expect(summary.lastSyncedAt).not.toBeNull();
      const r = await fetch(new URL('/v1/sync/state', central.url), {
        headers: { authorization: `Bearer ${(await readState(device.c.services.wp.db)).token}` },
      });
      const state = (await r.json()) as { counts: Record<string, number> };
      expect(await scopeCounts(device.c.services.wp.db)).toEqual(state.counts);
      expect(state.counts.participant).toBe(5);

      // A second device of the same adviser receives exactly the same records.
      const second = await newDevice();
      try {
        const c2 = await enrol(central, second, adviser);
        // The caseload index and the obligations cache are warm (and empty) before the pull...
        expect((await second.c.services.participants.list({})).total).toBe(0);
        expect(await second.c.services.obligations.caseload()).toEqual([]);
        const pulled = await c2.sync();
        // ...and show the pulled participants straight after it, without locking again.
        expect((await second.c.services.participants.list({})).total).toBe(5);
        expect((await second.c.services.obligations.caseload()).length).toBeGreaterThan(0);
        expect(pulled.pulled).toBeGreaterThanOrEqual(journal.length - 1);
        await expectConverged(central, second);
        expect(await scopeCounts(second.c.services.wp.db)).toEqual(state.counts);
        // Pulled rows are not journalled again (they would echo back as this device's changes).
        expect(
          await second.c.services.wp.db.selectFrom('change_journal').selectAll().execute(),
        ).toEqual([]);
        const audit = await second.c.services.wp.db
          .selectFrom('audit_log')
          .select(['action', 'detail'])
          .where('action', '=', 'sync.pull')
          .execute();
        expect(audit.length).toBeGreaterThan(0);
        expect(audit[0]!.detail).not.toContain('Given1');
      } finally {
        await second.close();
      }
    } finally {
      await device.close();
    }
  });

  it('completes an enrolment whose reply was lost, with the same code and device key', async () => {
    const adviser = await central.addAdviser('Bea Adviser');
    const code = await central.code(adviser);
    const proxy = await startFaultProxy({
      target: central.url,
      seed: 1,
      rate: 1,
      faults: ['drop-response'],
    });
    const device = await newDevice();
    try {
      const viaProxy = device.client(proxy.url, { maxRetries: 0 });
      await expect(viaProxy.enrol(proxy.url, code)).rejects.toThrow(/did not answer|broke|reached/);
      const key = (await readState(device.c.services.wp.db)).device_key;
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      proxy.heal();
      const again = await viaProxy.enrol(proxy.url, code);
      expect(again.alreadyEnrolled).toBe(false);
      expect((await readState(device.c.services.wp.db)).device_key).toBe(key);
      // Once enrolled, the same server and code again are accepted and ignored.
      expect((await viaProxy.enrol(proxy.url, 'ANYTHING')).alreadyEnrolled).toBe(true);
      const devices = await central.store.db
        .selectFrom('devices')
        .select('id')
        .where('user_id', '=', adviser)
        .execute();
      expect(devices).toHaveLength(1);
      await viaProxy.sync();
    } finally {
      await device.close();
      await proxy.close();
    }
  });

  it('refuses an unknown code and a code used by another device, and stays unenrolled', async () => {
    const adviser = await central.addAdviser('Cy Adviser');
    const code = await central.code(adviser);
    const first = await newDevice();
    const second = await newDevice();
    try {
      await first.client(central.url).enrol(central.url, code);
      const c2 = second.client(central.url);
      await expect(c2.enrol(central.url, code)).rejects.toBeInstanceOf(SyncStopped);
      await expect(c2.enrol(central.url, 'NOPE-NOPE-NOPE')).rejects.toThrow(/not known|code/i);
      expect((await syncSummary(second.c.services.wp.db)).enrolled).toBe(false);
      await expect(c2.sync()).rejects.toThrow(/not enrolled/);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
