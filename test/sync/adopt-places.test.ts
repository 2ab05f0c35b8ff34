/**
 * Issue 11: a caseload used on its own before enrolment is adopted with its offices, venues and
 * rooms matched to the organisation's (src-central/sync/places.ts) and every local reference
 * re-pointed (src-main/sync/places.ts). Real central service over HTTP (PGlite), real encrypted
 * caseloads, everything written through the app's services.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { referralSchema } from '../../src-shared/schemas/participant';
import { bookingSchema, officeSchema, type OfficeInput } from '../../src-shared/schemas/diary';
import {
  leaveSchema,
  roomSaveSchema,
  workingPatternSchema,
} from '../../src-shared/schemas/diary-settings';
import { referral } from '../support/referrals';
import {
  checkInvariants,
  enrol,
  expectConverged,
  newDevice,
  startCentral,
  type Central,
  type Device,
} from './harness';

const NOW = new Date('2026-11-23T08:00:00.000Z');
const weekdays = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [
    d,
    [
      ['09:00', '12:30'],
      ['13:30', '17:00'],
    ],
  ]),
);
const venue = (name: string, postcode: string, line1: string): OfficeInput => ({
  name,
  nation: 'england-and-wales',
  address: { line1, town: 'Leeds', postcode },
  phone: '0113 496 0000',
  email: 'office@waymark.example',
  stepFree: true,
  openingHours: weekdays,
});

let central: Central;
beforeAll(async () => {
  central = await startCentral();
});
afterAll(async () => {
  await central.close();
});

async function room(d: Device, officeId: string, name: string) {
  return d.c.services.diarySettings.saveRoom(
    roomSaveSchema.parse({ officeId, name, capacity: 4, stepFree: true }),
  );
}

/** Every text value anywhere in the caseload's tables (for "no row names the old id"). */
async function tablesNaming(d: Device, value: string): Promise<string[]> {
  const db = d.c.services.wp.db;
  const tables = (
    await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db)
  ).rows.map((r) => r.name);
  const found: string[] = [];
  for (const t of tables) {
    if (t === 'audit_log' || t === 'change_journal' || t === 'sync_outbox_archive') continue;
    const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t)}`.execute(db))
      .rows;
    if (rows.some((r) => Object.values(r).some((v) => typeof v === 'string' && v.includes(value))))
      found.push(t);
  }
  return found;
}

const liveOffices = async () =>
  (
    await central.store.db
      .selectFrom('records')
      .select(['entity_id', 'data'])
      .where('entity_type', '=', 'office')
      .where('deleted', '=', false)
      .where('organisation_id', '=', central.organisationId)
      .execute()
  ).map((r) => ({ id: r.entity_id, ...(r.data as { name: string; postcode: string }) }));

describe('adopting a caseload’s offices, venues and rooms', () => {
  it('matches the shared office, adds the new one, re-points every appointment, and a second device sees the organisation’s places', async () => {
    const orgAdviser = await central.addAdviser('Org Adviser');
    const adopter = await central.addAdviser('Adopting Adviser');
    const colleague = await central.addAdviser('Colleague');
    const org = await newDevice({ now: () => NOW });
    const alone = await newDevice({ now: () => NOW });
    const second = await newDevice({ now: () => NOW });
    try {
      // The organisation already has Leeds Hub (with Room 1), pushed by an enrolled device.
      const orgLeeds = await org.c.services.diary.saveOffice(
        officeSchema.parse(venue('Leeds Hub', 'LS1 4AP', '1 Park Row')),
      );
      const orgRoom1 = await room(org, orgLeeds.id, 'Room 1');
      await (await enrol(central, org, orgAdviser)).sync();

      // A laptop used on its own: the same office (other spelling, other id), a new one, the
      // centrally set-up Sheffield, rooms, a pattern, leave and appointments at each.
      const s = alone.c.services;
      const myLeeds = await s.diary.saveOffice(
        officeSchema.parse(venue('Leeds  hub.', 'ls14ap', '1 Park Row, 2nd floor')),
      );
      const bradford = await s.diary.saveOffice(
        officeSchema.parse(venue('Bradford Centre', 'BD1 1AA', '5 Hall Ings')),
      );
      const sheffield = await s.diary.saveOffice(
        officeSchema.parse(venue('Sheffield', 'S1 2EF', '12 Campo Lane')),
      );
      const myRoom1 = await room(alone, myLeeds.id, 'Room 1');
      const myRoom2 = await room(alone, myLeeds.id, 'Room 2');
      await room(alone, bradford.id, 'Room A');
      await s.diarySettings.savePattern(
        workingPatternSchema.parse({ effectiveFrom: '2026-01-01', sessions: weekdays }),
      );
      await s.diarySettings.addLeave(
        leaveSchema.parse({ from: '2026-12-21', to: '2026-12-23', reason: 'Annual leave' }),
      );
      const bookings: [string, string | undefined, string][] = [
        [myLeeds.id, 'Room 1', '2026-11-24T10:00'],
        [myLeeds.id, 'Room 2', '2026-11-24T14:00'],
        [bradford.id, 'Room A', '2026-11-25T10:00'],
        [sheffield.id, undefined, '2026-11-26T10:00'],
      ];
      for (const [i, [officeId, roomName, start]] of bookings.entries()) {
        const { id: participantId } = await s.participants.create(
          referralSchema.parse(
            referral({ referralId: `JCP-A${i}`, niNumber: `AB ${10 + i} 34 56 C` }),
          ),
        );
        await s.diary.book(
          bookingSchema.parse({
            participantId,
            officeId,
            room: roomName,
            start,
            end: start.replace(
              /T(\d\d)/,
              (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`,
            ),
            kind: 'induction',
            channel: 'in-person',
          }),
        );
      }

      const client = await enrol(central, alone, adopter);
      await client.sync();
      const q = await s.wp.db.selectFrom('sync_quarantine').selectAll().execute();
      expect(q).toEqual([]);

      // Server: one Leeds Hub (the organisation's id), Bradford added, Sheffield adopted under
      // the organisation's central office id; Room 1 once, Room 2 and Room A added.
      const offices = await liveOffices();
      const sheffieldCentral = await central.store.db
        .selectFrom('offices')
        .select(['id', 'provider_id'])
        .where('name', '=', 'Sheffield')
        .executeTakeFirstOrThrow();
      expect(offices.map((o) => o.id).sort()).toEqual(
        [orgLeeds.id, bradford.id, sheffieldCentral.id].sort(),
      );
      expect(offices.find((o) => o.id === sheffieldCentral.id)?.postcode).toBe('S1 2EF');
      const rooms = await central.store.db
        .selectFrom('records')
        .select(['entity_id', 'data'])
        .where('entity_type', '=', 'room')
        .where('deleted', '=', false)
        .execute();
      const roomNames = rooms
        .map((r) => {
          const d = r.data as { office_id: string; name: string };
          return `${d.office_id === orgLeeds.id ? 'Leeds' : d.office_id === bradford.id ? 'Bradford' : d.office_id}:${d.name}`;
        })
        .sort();
      expect(roomNames).toEqual(['Bradford:Room A', 'Leeds:Room 1', 'Leeds:Room 2']);
      expect(rooms.find((r) => (r.data as { name: string }).name === 'Room 1')?.entity_id).toBe(
        orgRoom1.id,
      );
      // Bradford is now one of the organisation's offices, under the adviser's provider.
      const adviserProvider = await central.store.db
        .selectFrom('users')
        .innerJoin('offices', 'offices.id', 'users.office_id')
        .select('offices.provider_id')
        .where('users.id', '=', adopter)
        .executeTakeFirstOrThrow();
      const bradfordCentral = await central.store.db
        .selectFrom('offices')
        .select(['name', 'provider_id', 'kind'])
        .where('id', '=', bradford.id)
        .executeTakeFirstOrThrow();
      expect(bradfordCentral).toEqual({
        name: 'Bradford Centre',
        provider_id: adviserProvider.provider_id,
        kind: 'office',
      });

      // Device: the same places, every appointment at a live office, the old ids gone.
      const local = await s.wp.db.selectFrom('offices').select(['id', 'name']).execute();
      expect(local.map((o) => o.id).sort()).toEqual(
        [orgLeeds.id, bradford.id, sheffieldCentral.id].sort(),
      );
      expect(local.find((o) => o.id === orgLeeds.id)?.name).toBe('Leeds Hub');
      const appts = await s.wp.db
        .selectFrom('appointments')
        .leftJoin('offices', 'offices.id', 'appointments.office_id')
        .select(['appointments.start', 'appointments.room', 'offices.id as office'])
        .orderBy('start')
        .execute();
      expect(appts.map((a) => [a.office, a.room])).toEqual([
        [orgLeeds.id, 'Room 1'],
        [orgLeeds.id, 'Room 2'],
        [bradford.id, 'Room A'],
        [sheffieldCentral.id, null],
      ]);
      for (const old of [myLeeds.id, myRoom1.id, sheffield.id])
        expect(await tablesNaming(alone, old), old).toEqual([]);
      const localRooms = await s.wp.db
        .selectFrom('rooms')
        .select(['id', 'office_id', 'name'])
        .execute();
      expect(localRooms.find((r) => r.name === 'Room 1')?.id).toBe(orgRoom1.id);
      expect(localRooms.find((r) => r.name === 'Room 2')).toMatchObject({
        id: myRoom2.id,
        office_id: orgLeeds.id,
      });
      await checkInvariants(central, alone);
      const fk = await sql`PRAGMA foreign_key_check`.execute(s.wp.db);
      expect(fk.rows).toEqual([]);

      // A second sync changes nothing anywhere.
      const head = async () =>
        (
          await central.store.db
            .selectFrom('change_counters')
            .select('last_seq')
            .executeTakeFirstOrThrow()
        ).last_seq;
      const before = await head();
      const again = await client.sync();
      expect(again).toMatchObject({ pushed: 0, pulled: 0, quarantined: 0 });
      expect(await head()).toBe(before);
      expect((await liveOffices()).length).toBe(3);

      // A second device of the organisation, and the first one, see the organisation's places.
      await (await enrol(central, second, colleague)).sync();
      await expectConverged(central, second);
      const seen = await second.c.services.diary.listOffices();
      expect(seen.map((o) => o.id).sort()).toEqual(
        [orgLeeds.id, bradford.id, sheffieldCentral.id].sort(),
      );
      const secondRooms = await second.c.services.diarySettings.listRooms(orgLeeds.id);
      expect(secondRooms.map((r) => r.name).sort()).toEqual(['Room 1', 'Room 2']);
      await (await enrol(central, org, orgAdviser)).sync();
      await expectConverged(central, org);
      expect((await org.c.services.diary.listOffices()).length).toBe(3);
    } finally {
      await org.close();
      await alone.close();
      await second.close();
    }
  });
});
