/**
 * The owner's and the cover adviser's laptops edit one participant while both are offline. The
 * name is identity data: the second to sync gets a conflict recorded with both values, nothing is
 * overwritten silently, and the adviser's decision travels back to everyone. The status is not:
 * the later edit wins by HLC on both devices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Participant } from '../../src-shared/schemas/participant';
import { listConflicts, resolveConflict } from '../../src-main/sync/conflicts';
import { syncSummary } from '../../src-main/sync/status';
import {
  checkInvariants,
  enrol,
  newDevice,
  startCentral,
  type Central,
  type Device,
} from './harness';

let central: Central;
beforeAll(async () => {
  central = await startCentral();
});
afterAll(async () => {
  await central.close();
});

async function rename(device: Device, id: string, givenName: string, phone?: string) {
  const p: Participant = await device.c.services.participants.get(id);
  const { id: _id, status, exitReason, version, createdAt, updatedAt, ...referral } = p;
  void [_id, status, exitReason, createdAt, updatedAt];
  await device.c.services.participants.update(id, version, {
    ...referral,
    givenName,
    ...(phone ? { phone } : {}),
  });
}

describe('owner and cover edit the same participant offline', () => {
  it('records the name conflict on the device, merges the rest, and carries the decision back', async () => {
    const ownerId = await central.addAdviser('Owner Adviser');
    const coverId = await central.addAdviser('Cover Adviser');
    const owner = await newDevice();
    const cover = await newDevice();
    try {
      const pid = await owner.addParticipant(7001);
      const ownerSync = await enrol(central, owner, ownerId);
      await ownerSync.sync();
      await central.allocate(pid, coverId, 'cover');
      const coverSync = await enrol(central, cover, coverId);
      await coverSync.sync();
      expect((await cover.c.services.participants.get(pid)).givenName).toBe('Given7001');

      // Both offline: each renames; the owner also changes the phone, the cover the status.
      await rename(owner, pid, 'Anna', '0114 496 0000');
      await rename(cover, pid, 'Anne');
      await cover.c.services.participants.setStatus({
        id: pid,
        status: 'allocated',
        date: '2026-11-20',
      });

      await ownerSync.sync();
      await coverSync.sync();
      const conflicts = await listConflicts(cover.c.services.wp);
      const decide = conflicts.filter((c) => c.kind === 'decide');
      expect(decide).toHaveLength(1);
      expect(decide[0]).toMatchObject({
        participantId: pid,
        field: 'given_name',
        fieldLabel: 'Given name',
        mine: 'Anne',
        theirs: 'Anna',
      });
      expect((await syncSummary(cover.c.services.wp.db)).conflicts).toBe(1);
      // The server kept the owner's name; the cover's other edits merged.
      const onCover = await cover.c.services.participants.get(pid);
      expect(onCover).toMatchObject({
        givenName: 'Anna',
        status: 'allocated',
        phone: '0114 496 0000',
      });
      await ownerSync.sync();
      expect(await owner.c.services.participants.get(pid)).toMatchObject({
        givenName: 'Anna',
        status: 'allocated',
      });
      await checkInvariants(central, owner);
      await checkInvariants(central, cover);

      // The cover adviser decides for their value: a new local write that wins on the server.
      await resolveConflict(cover.c.services.wp, decide[0]!.id, 'mine');
      expect((await syncSummary(cover.c.services.wp.db)).conflicts).toBe(0);
      await coverSync.sync();
      await ownerSync.sync();
      expect((await owner.c.services.participants.get(pid)).givenName).toBe('Anne');
      expect((await cover.c.services.participants.get(pid)).givenName).toBe('Anne');
      await expect(resolveConflict(cover.c.services.wp, decide[0]!.id, 'theirs')).rejects.toThrow(
        /already been decided/,
      );
      await checkInvariants(central, owner);
      await checkInvariants(central, cover);
    } finally {
      await owner.close();
      await cover.close();
    }
  });
});
