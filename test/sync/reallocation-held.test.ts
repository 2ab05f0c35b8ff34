/**
 * A participant reallocated away from this device's adviser while the device holds a change to
 * them the service refuses (or has not yet received), over real HTTP on PGlite and PostgreSQL.
 * The pull that brings the removal must not take the adviser's work with it (sync design G1,
 * I7): the participant and the change stay, their sync status says why in plain English, the
 * device still agrees with the service about its scope, and the participant leaves only when
 * the adviser discards the refused change (or comes back in scope when allocated back). A
 * participant with no such work leaves on reallocation as before (G5).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Participant } from '../../src-shared/schemas/participant';
import type { ParticipantSyncView } from '../../src-shared/ipc/channels/sync';
import { REFUSAL_WORDS } from '../../src-shared/wording/sync-refusals';
import { startPostgres, type PostgresCluster } from '../support/postgres-cluster';
import {
  enrol,
  expectConverged,
  newDevice,
  startCentral,
  type Central,
  type Device,
} from './harness';

async function rename(device: Device, id: string, givenName: string) {
  const p: Participant = await device.c.services.participants.get(id);
  const { id: _id, status, exitReason, version, createdAt, updatedAt, ...referral } = p;
  void [_id, status, exitReason, createdAt, updatedAt];
  await device.c.services.participants.update(id, version, { ...referral, givenName });
}

const statusOf = (device: Device, participantId: string) =>
  device.c.services.sync.participant(participantId) as Promise<ParticipantSyncView>;

async function givenName(device: Device, id: string): Promise<string | null> {
  const row = await device.c.services.wp.db
    .selectFrom('participants')
    .select('given_name')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.given_name ?? null;
}

const heldRows = (device: Device) =>
  device.c.services.wp.db.selectFrom('sync_held_participants').selectAll().execute();

function heldSuite(backend: 'PGlite' | 'PostgreSQL') {
  describe(`reallocated with refused work, on ${backend}`, () => {
    let cluster: PostgresCluster | undefined;
    let central: Central;
    beforeAll(async () => {
      if (backend === 'PostgreSQL') {
        cluster = await startPostgres();
        central = await startCentral({ database: await cluster.createDatabase('held_tests') });
      } else central = await startCentral();
    }, 180_000);
    afterAll(async () => {
      await central?.close();
      await cluster?.stop();
    });

    it('keeps the participant and the refused change until the adviser discards it', async () => {
      const ownerId = await central.addAdviser('Olu Owner');
      const nextId = await central.addAdviser('Nia Next');
      const owner = await newDevice();
      try {
        const pid = await owner.addParticipant(8101);
        const quiet = await owner.addParticipant(8102);
        const back = await owner.addParticipant(8103);
        const ownerSync = await enrol(central, owner, ownerId);
        await ownerSync.sync();
        const recordsBefore = await owner.c.services.wp.db
          .selectFrom('participant_events')
          .select('id')
          .where('participant_id', '=', pid)
          .execute();

        // All three go to another adviser; the owner had typed a change to two of them.
        for (const id of [pid, quiet, back]) await central.allocate(id, nextId, 'owner');
        await rename(owner, pid, 'Tobias');
        await rename(owner, back, 'Bartholomew');
        const run = await ownerSync.sync();
        expect(run.quarantined).toBe(2);

        // The one with no work of the adviser's has left this computer (privacy, G5)…
        expect(await givenName(owner, quiet)).toBeNull();
        // …the ones with refused changes are still here, with the adviser's value.
        expect(await givenName(owner, pid)).toBe('Tobias');
        expect(await givenName(owner, back)).toBe('Bartholomew');
        expect(
          await owner.c.services.wp.db
            .selectFrom('participant_events')
            .select('id')
            .where('participant_id', '=', pid)
            .execute(),
        ).toEqual(recordsBefore);
        const status = await statusOf(owner, pid);
        expect(status.state).toBe('quarantined');
        expect(status.quarantined[0]).toMatchObject(REFUSAL_WORDS.out_of_scope!);
        expect(status.held).toMatch(/allocated to another adviser/);
        expect(status.held).toMatch(/discard the refused changes/);
        expect((await heldRows(owner)).map((h) => h.participant_id).sort()).toEqual(
          [pid, back].sort(),
        );
        // The device still agrees with the service about its scope, and a second run keeps it.
        await expectConverged(central, owner);
        await ownerSync.sync();
        expect(await givenName(owner, pid)).toBe('Tobias');
        await expectConverged(central, owner);

        // Allocated back: the service's records return and the participant is no longer held;
        // the refused change is still shown until the adviser deals with it.
        await central.allocate(back, ownerId, 'owner');
        await ownerSync.sync();
        expect(await givenName(owner, back)).toBe('Given8103');
        const backStatus = await statusOf(owner, back);
        expect(backStatus).toMatchObject({ state: 'quarantined', held: null });
        await expectConverged(central, owner);

        // Discarding the refused change: the held participant leaves this computer.
        expect(await owner.c.services.sync.discardRefused(pid)).toBeNull();
        expect(await givenName(owner, pid)).toBeNull();
        expect(
          await owner.c.services.wp.db
            .selectFrom('participant_events')
            .select('id')
            .where('participant_id', '=', pid)
            .execute(),
        ).toEqual([]);
        expect((await heldRows(owner)).map((h) => h.participant_id)).toEqual([]);
        const audit = await owner.c.services.wp.db
          .selectFrom('audit_log')
          .select(['action', 'entity_id'])
          .where('action', '=', 'sync.discard-refused')
          .execute();
        expect(audit).toEqual([{ action: 'sync.discard-refused', entity_id: pid }]);
        // The participant allocated back stays; discarding clears only its refusal.
        expect(await owner.c.services.sync.discardRefused(back)).toMatchObject({
          state: 'synced',
          quarantined: [],
          held: null,
        });
        expect(await givenName(owner, back)).toBe('Given8103');
        await expect(owner.c.services.sync.discardRefused(back)).rejects.toThrow(
          'This participant has no refused changes to discard',
        );
        await ownerSync.sync();
        await expectConverged(central, owner);
      } finally {
        await owner.close();
      }
    }, 300_000);
  });
}

heldSuite('PGlite');
heldSuite('PostgreSQL');
