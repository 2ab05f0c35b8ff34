/**
 * Offices and appointments ↔ domain objects, and the appointment queries. Functions take the db
 * first. Here rather than in services/diary so the diary service and the diary context both
 * read rows without importing each other.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AppointmentTable, Database, OfficeTable } from '../schema';
import type { Appointment, AppointmentOutcome, Office, OfficeDetails } from '@shared/schemas/diary';

/**
 * Appended to a civil date, sorts after every 'YYYY-MM-DDTHH:MM' start on that day (the digit 9
 * follows any hour's first digit), so `start < date + END_OF_DAY` takes the whole day.
 */
export const END_OF_DAY = 'T99';

export function toOffice(r: Selectable<OfficeTable>): Office {
  return {
    id: r.id,
    kind: r.kind as Office['kind'],
    name: r.name,
    nation: r.nation as Office['nation'],
    address: {
      line1: r.address_line1,
      line2: r.address_line2 ?? undefined,
      town: r.town,
      postcode: r.postcode,
    },
    phone: r.phone,
    email: r.email,
    publicTransport: r.public_transport,
    parking: r.parking,
    stepFree: r.step_free === 1,
    hearingLoop: r.hearing_loop === 1,
    directions: r.directions,
    accessNotes: r.access_notes,
    supportOffered: r.support_offered,
    openingHours: JSON.parse(r.opening_hours) as Office['openingHours'],
    closures: JSON.parse(r.closures) as Office['closures'],
    closedOn: r.closed_on,
    version: r.version,
  };
}

export function toAppointment(r: Selectable<AppointmentTable>): Appointment {
  return {
    id: r.id,
    participantId: r.participant_id,
    adviserId: r.adviser_id,
    officeId: r.office_id ?? undefined,
    room: r.room ?? undefined,
    start: r.start,
    end: r.end,
    kind: r.kind as Appointment['kind'],
    channel: r.channel as Appointment['channel'],
    outcome: r.outcome as AppointmentOutcome,
    priorNotice: r.prior_notice === null ? null : r.prior_notice === 1,
    version: r.version,
  };
}

/** An office's details as table columns (the id and version are the caller's). */
export const officeColumns = (o: OfficeDetails) => ({
  kind: o.kind,
  name: o.name,
  nation: o.nation,
  address_line1: o.address.line1,
  address_line2: o.address.line2 ?? null,
  town: o.address.town,
  postcode: o.address.postcode,
  phone: o.phone,
  email: o.email,
  public_transport: o.publicTransport,
  parking: o.parking,
  step_free: o.stepFree ? 1 : 0,
  hearing_loop: o.hearingLoop ? 1 : 0,
  directions: o.directions,
  access_notes: o.accessNotes,
  support_offered: o.supportOffered,
  opening_hours: JSON.stringify(o.openingHours),
  closures: JSON.stringify(o.closures),
});

/** A participant's appointments by start: oldest first, or newest first for the meetings list. */
export async function appointmentsOfParticipant(
  db: Kysely<Database>,
  participantId: string,
  order: 'oldest-first' | 'newest-first' = 'oldest-first',
): Promise<Appointment[]> {
  const rows = await db
    .selectFrom('appointments')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('start', order === 'newest-first' ? 'desc' : 'asc')
    .execute();
  return rows.map(toAppointment);
}

export const findAppointment = (db: Kysely<Database>, id: string) =>
  db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();

export async function updateAppointment(
  db: Kysely<Database>,
  row: Selectable<AppointmentTable>,
): Promise<void> {
  await db.updateTable('appointments').set(row).where('id', '=', row.id).execute();
}

/** Appointments starting at or after `from` and before `before` (wall-clock strings). */
export async function appointmentsOfAdviser(
  db: Kysely<Database>,
  adviserId: string,
  from: string,
  before: string,
): Promise<Appointment[]> {
  const rows = await db
    .selectFrom('appointments')
    .selectAll()
    .where('adviser_id', '=', adviserId)
    .where('start', '>=', from)
    .where('start', '<', before)
    .orderBy('start')
    .execute();
  return rows.map(toAppointment);
}

/**
 * The name documents give the provider: the first office by name (the office names the
 * organisation, as on the induction letter), or null on a caseload with no office yet.
 */
export async function providerOfficeName(db: Kysely<Database>): Promise<string | null> {
  const office = await db
    .selectFrom('offices')
    .select('name')
    .orderBy('name')
    .limit(1)
    .executeTakeFirst();
  return office?.name ?? null;
}
