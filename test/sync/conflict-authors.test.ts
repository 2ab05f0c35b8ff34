/**
 * Who made each side of a conflict. The owner's and the cover adviser's laptops (real encrypted
 * caseloads) edit one participant offline against the real central service on loopback. The
 * conflicts the cover laptop records name, for each side, the adviser, the computer and when the
 * change was made, and say that the service holds the owner's value. A retried push (the reply
 * lost) answers with the same authors from the ledger. Identity is never overwritten silently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Participant } from '../../src-shared/schemas/participant';
import { pushResponseSchema, SYNC_PATHS } from '../../src-shared/sync/protocol';
import { listConflicts } from '../../src-main/sync/conflicts';
import { readState } from '../../src-main/sync/state';
import { enrol, newDevice, startCentral, type Central, type Device } from './harness';

let central: Central;
beforeAll(async () => {
  central = await startCentral();
});
afterAll(async () => {
  await central.close();
});

async function edit(
  device: Device,
  id: string,
  patch: { givenName?: string; jobcentreOffice?: string },
) {
  const p: Participant = await device.c.services.participants.get(id);
  const { id: _id, status, exitReason, version, createdAt, updatedAt, ...referral } = p;
  void [_id, status, exitReason, createdAt, updatedAt];
  await device.c.services.participants.update(id, version, { ...referral, ...patch });
}

/** Runs `edit` and returns the instants just before and just after it. */
async function timed(edit: () => Promise<unknown>): Promise<[number, number]> {
  const before = Date.now();
  await edit();
  return [before, Date.now()];
}

const within = (iso: string | null | undefined, [from, to]: [number, number]) => {
  expect(iso).toBeTruthy();
  const t = Date.parse(iso!);
  // The HLC a device sends is moved by the offset it learnt from the server (a few ms here).
  expect(t).toBeGreaterThanOrEqual(from - 1000);
  expect(t).toBeLessThanOrEqual(to + 1000);
};

describe('a conflict names who made each value and when', () => {
  it('shows the owner’s and the cover adviser’s changes with adviser, computer and time', async () => {
    const ownerId = await central.addAdviser('Olu Owner');
    const coverId = await central.addAdviser('Cara Cover');
    const owner = await newDevice();
    const cover = await newDevice();
    try {
      const pid = await owner.addParticipant(7101);
      const ownerSync = await enrol(central, owner, ownerId);
      await ownerSync.sync();
      await central.allocate(pid, coverId, 'cover');
      const coverSync = await enrol(central, cover, coverId);
      await coverSync.sync();
      // Both laptops in this test share one host name: name them as two computers would be.
      await central.store.db
        .updateTable('devices')
        .set({ name: 'OWNER-LAPTOP' })
        .where('user_id', '=', ownerId)
        .execute();
      await central.store.db
        .updateTable('devices')
        .set({ name: 'COVER-LAPTOP' })
        .where('user_id', '=', coverId)
        .execute();

      // Offline: the cover adviser changes the jobcentre office first, then the owner does; then
      // both rename (the owner first). The owner syncs first.
      const coverOfficeAt = await timed(() =>
        edit(cover, pid, { jobcentreOffice: 'Rotherham Jobcentre' }),
      );
      // Each laptop's HLC is moved by the clock offset it learnt from the service (a few ms
      // either way), so edits made within a millisecond or two could order either way: leave a
      // gap far larger than any offset so the cover's edit is the earlier one.
      await new Promise((resolve) => setTimeout(resolve, 250));
      const ownerOfficeAt = await timed(() =>
        edit(owner, pid, { jobcentreOffice: 'Barnsley Jobcentre' }),
      );
      const ownerNameAt = await timed(() => edit(owner, pid, { givenName: 'Anna' }));
      const coverNameAt = await timed(() => edit(cover, pid, { givenName: 'Anne' }));
      await ownerSync.sync();
      await coverSync.sync();

      const conflicts = await listConflicts(cover.c.services.wp, pid);
      const name = conflicts.find((c) => c.kind === 'decide' && c.field === 'given_name');
      expect(name).toMatchObject({
        participantId: pid,
        mine: 'Anne',
        theirs: 'Anna',
        serverHolds: 'theirs',
        mineBy: { adviserName: 'Cara Cover', thisComputer: true },
        theirsBy: {
          adviserName: 'Olu Owner',
          deviceName: 'OWNER-LAPTOP',
          thisComputer: false,
        },
      });
      within(name!.mineBy.at, coverNameAt);
      within(name!.theirsBy!.at, ownerNameAt);
      // The owner's name is what the service and both laptops hold; the cover's is kept to choose.
      expect((await cover.c.services.participants.get(pid)).givenName).toBe('Anna');

      // The office is last-writer-wins: the cover's earlier edit lost to the owner's later one.
      const office = conflicts.find((c) => c.kind === 'lost' && c.field === 'jobcentre_office');
      expect(office).toMatchObject({
        mine: 'Rotherham Jobcentre',
        serverHolds: 'theirs',
        mineBy: { adviserName: 'Cara Cover', thisComputer: true },
        theirsBy: { adviserName: 'Olu Owner', deviceName: 'OWNER-LAPTOP' },
      });
      within(office!.mineBy.at, coverOfficeAt);
      within(office!.theirsBy!.at, ownerOfficeAt);
      expect((await cover.c.services.participants.get(pid)).jobcentreOffice).toBe(
        'Barnsley Jobcentre',
      );

      // Another participant's conflicts list shows none of these.
      expect(await listConflicts(cover.c.services.wp, crypto.randomUUID())).toEqual([]);

      // The server's ledger keeps the authors: the same push sent again (its reply lost) is
      // answered with them.
      const state = await readState(cover.c.services.wp.db);
      const archived = await cover.c.services.wp.db
        .selectFrom('sync_outbox_archive')
        .select(['seq'])
        .where('status', '=', 'conflict')
        .executeTakeFirstOrThrow();
      const ledger = await central.store.db
        .selectFrom('mutation_ledger')
        .select(['result', 'payload'])
        .where('device_id', '=', state.device_id!)
        .where('seq', '=', archived.seq)
        .executeTakeFirstOrThrow();
      const res = await fetch(new URL(SYNC_PATHS.push, central.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${state.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          deviceId: state.device_id,
          epoch: state.epoch,
          schemaVersion: 1,
          mutations: [ledger.payload],
        }),
      });
      const replay = pushResponseSchema.parse(await res.json());
      expect(replay.results[0]).toMatchObject({
        status: 'conflict',
        currentBy: { given_name: { adviserName: 'Olu Owner', deviceName: 'OWNER-LAPTOP' } },
      });
    } finally {
      await owner.close();
      await cover.close();
    }
  });
});
