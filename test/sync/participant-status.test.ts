/**
 * One participant's sync state, read by the IPC router from a real encrypted caseload synced with
 * the real central service on loopback: kept only on this computer before enrolment; waiting (how
 * many changes, since when) after an edit; synced after a push; in conflict when another laptop
 * changed the same name; refused (with the reason and what to do) once reallocated away. The
 * caseload's markers come from one grouped read and agree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Participant } from '../../src-shared/schemas/participant';
import type { ParticipantSyncView } from '../../src-shared/ipc/channels/sync';
import { REFUSAL_WORDS } from '../../src-shared/wording/sync-refusals';
import { enrol, newDevice, startCentral, type Central, type Device } from './harness';

let central: Central;
beforeAll(async () => {
  central = await startCentral();
});
afterAll(async () => {
  await central.close();
});

async function rename(device: Device, id: string, givenName: string) {
  const p: Participant = await device.c.services.participants.get(id);
  const { id: _id, status, exitReason, version, createdAt, updatedAt, ...referral } = p;
  void [_id, status, exitReason, createdAt, updatedAt];
  await device.c.services.participants.update(id, version, { ...referral, givenName });
}

const statusOf = (device: Device, participantId: string) =>
  device.c.services.sync.participant(participantId) as Promise<ParticipantSyncView>;

describe('a participant’s sync state', () => {
  it('moves from local to waiting (count and time) to synced, then conflict, then refused', async () => {
    const ownerId = await central.addAdviser('Pat Owner');
    const coverId = await central.addAdviser('Cam Cover');
    const laterOwner = await central.addAdviser('Lee Later');
    const owner = await newDevice();
    const cover = await newDevice();
    try {
      const pid = await owner.addParticipant(7201);
      const quiet = await owner.addParticipant(7202);
      // Never enrolled: the records are kept only here, and the caseload marks nothing.
      expect(await statusOf(owner, pid)).toMatchObject({ state: 'local', pending: 0 });
      expect(await owner.c.services.sync.caseload()).toEqual([]);

      const ownerSync = await enrol(central, owner, ownerId);
      await ownerSync.sync();
      expect(await statusOf(owner, pid)).toMatchObject({
        state: 'synced',
        pending: 0,
        conflicts: 0,
        quarantined: [],
      });

      // Two edits of one participant wait; the other participant stays synced.
      const before = Date.now();
      await rename(owner, pid, 'Priya');
      await owner.c.services.participants.setStatus({
        id: pid,
        status: 'allocated',
        date: '2026-11-20',
      });
      const after = Date.now();
      const waiting = await statusOf(owner, pid);
      expect(waiting.state).toBe('waiting');
      expect(waiting.pending).toBe(
        Number(
          (
            await owner.c.services.wp.db
              .selectFrom('sync_outbox')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      );
      expect(waiting.pending).toBeGreaterThanOrEqual(2);
      const since = Date.parse(waiting.pendingSince!);
      expect(since).toBeGreaterThanOrEqual(before - 1000);
      expect(since).toBeLessThanOrEqual(after + 1000);
      expect((await statusOf(owner, quiet)).state).toBe('synced');
      expect(await owner.c.services.sync.caseload()).toEqual([
        { participantId: pid, pending: waiting.pending, conflicts: 0, quarantined: 0 },
      ]);

      await ownerSync.sync();
      expect(await statusOf(owner, pid)).toMatchObject({ state: 'synced', pending: 0 });
      expect(await owner.c.services.sync.caseload()).toEqual([]);

      // A cover laptop renames too while the owner renames again: the later one to sync is in
      // conflict for this participant only.
      await central.allocate(pid, coverId, 'cover');
      const coverSync = await enrol(central, cover, coverId);
      await coverSync.sync();
      await rename(owner, pid, 'Priyanka');
      await rename(cover, pid, 'Pria');
      await ownerSync.sync();
      await coverSync.sync();
      expect(await statusOf(cover, pid)).toMatchObject({
        state: 'conflict',
        conflicts: 1,
        pending: 0,
      });
      expect(await cover.c.services.sync.caseload()).toEqual([
        { participantId: pid, pending: 0, conflicts: 1, quarantined: 0 },
      ]);
      expect((await statusOf(owner, pid)).state).toBe('synced');

      // Reallocated away from the owner while the owner's laptop has an unsent change: the
      // service refuses it, and the page says why and what to do. (Push only: a full run's pull
      // then holds the participant for the refused change, reallocation-held.test.ts.)
      await central.allocate(quiet, laterOwner, 'owner');
      await rename(owner, quiet, 'Quentin');
      await ownerSync.push();
      const refused = await statusOf(owner, quiet);
      expect(refused.state).toBe('quarantined');
      expect(refused.quarantined.length).toBeGreaterThan(0);
      expect(refused.quarantined[0]).toMatchObject(REFUSAL_WORDS.out_of_scope!);
    } finally {
      await owner.close();
      await cover.close();
    }
  });

  it('refuses a participant id that is not on this caseload', async () => {
    const device = await newDevice();
    try {
      await expect(statusOf(device, crypto.randomUUID())).rejects.toThrow(
        'That participant was not found',
      );
    } finally {
      await device.close();
    }
  });
});
