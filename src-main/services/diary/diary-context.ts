/**
 * Reads what the pure diary code needs from the database: offices with their rooms, one
 * adviser's patterns and leave, one participant's constraints, and the live appointments in a
 * date range. Appointments outside the range cannot clash, so they are not read.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { toOffice } from '../../db/repositories/diary';
import { locate } from './postcode-locations';
import { calendarsFrom } from '@shared/domain/calendar/shipped-calendars';
import type { CalendarSet } from '@shared/domain/calendar/working-day-calendar';
import {
  withAdjustments,
  NO_CONSTRAINTS,
  type DiaryContext,
  type DiaryOffice,
  type ParticipantConstraints,
} from '@shared/domain/diary';
import type { Room, SavedConstraints } from '@shared/schemas/diary-settings';

let calendars: CalendarSet | undefined;
/** Built once: the calendars are pure data and cache their own day flags. */
export const diaryCalendars = (): CalendarSet => (calendars ??= calendarsFrom());

/** Live appointments take up time; cancelled and missed ones do not. */
export const LIVE_OUTCOMES = ['booked', 'attended'];

export async function loadRooms(db: Kysely<Database>, officeId?: string): Promise<Room[]> {
  let q = db.selectFrom('rooms').selectAll().orderBy('office_id').orderBy('name');
  if (officeId) q = q.where('office_id', '=', officeId);
  return (await q.execute()).map((r) => ({
    id: r.id,
    officeId: r.office_id,
    name: r.name,
    capacity: r.capacity,
    stepFree: r.step_free === 1,
    equipment: JSON.parse(r.equipment) as Room['equipment'],
    version: r.version,
  }));
}

/**
 * The offices and venues open at some point from `from` to `to` (all open ones without a range).
 * A venue that closes for good inside the range is closed from that day, in words the slot
 * finder can give as a reason.
 */
export async function loadOffices(
  db: Kysely<Database>,
  range?: { from: string; to: string },
): Promise<DiaryOffice[]> {
  const [offices, rooms] = await Promise.all([
    db.selectFrom('offices').selectAll().execute(),
    loadRooms(db),
  ]);
  return offices
    .map(toOffice)
    .filter((o) => o.closedOn === null || (range !== undefined && o.closedOn > range.from))
    .map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      nation: o.nation,
      stepFree: o.stepFree,
      hearingLoop: o.hearingLoop,
      openingHours: o.openingHours,
      closures:
        o.closedOn !== null && range && o.closedOn <= range.to
          ? [...o.closures, { from: o.closedOn, to: range.to, reason: 'closed for good' }]
          : o.closures,
      rooms: rooms.filter((r) => r.officeId === o.id),
      location: locate(o.address.postcode),
    }));
}

export async function loadConstraints(
  db: Kysely<Database>,
  participantId: string,
): Promise<SavedConstraints> {
  const row = await db
    .selectFrom('participant_constraints')
    .selectAll()
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  if (!row)
    return {
      participantId,
      ...NO_CONSTRAINTS,
      unavailable: [],
      attendDays: [],
      timeOfDay: 'any',
      version: 0,
    };
  return {
    participantId,
    unavailable: JSON.parse(row.unavailable) as SavedConstraints['unavailable'],
    preferredChannel: row.preferred_channel as SavedConstraints['preferredChannel'],
    needsStepFree: row.needs_step_free === 1,
    needsHearingLoop: row.needs_hearing_loop === 1,
    attendDays: JSON.parse(row.attend_days) as SavedConstraints['attendDays'],
    timeOfDay: row.time_of_day as SavedConstraints['timeOfDay'],
    version: row.version,
  };
}

export async function loadDiaryContext(
  db: Kysely<Database>,
  q: {
    adviserId: string;
    participantId: string | null;
    from: string;
    to: string;
    /**
     * The slot finder also reads plain phrases in the recorded adjustments ("afternoons only");
     * the booking rules go by the saved constraints alone, so a booking is never refused for a
     * need only guessed from free text.
     */
    readAdjustments?: boolean;
  },
): Promise<DiaryContext> {
  const [offices, patterns, leave, appointments, constraints, person] = await Promise.all([
    loadOffices(db, { from: q.from, to: q.to }),
    db.selectFrom('adviser_patterns').selectAll().where('adviser_id', '=', q.adviserId).execute(),
    db
      .selectFrom('adviser_leave')
      .selectAll()
      .where('adviser_id', '=', q.adviserId)
      .where('to_date', '>=', q.from)
      .where('from_date', '<=', q.to)
      .execute(),
    db
      .selectFrom('appointments')
      .select(['id', 'adviser_id', 'participant_id', 'office_id', 'room', 'start', 'end'])
      .where('outcome', 'in', LIVE_OUTCOMES)
      .where('start', '>=', q.from)
      .where('start', '<', `${q.to}T99`)
      .execute(),
    q.participantId ? loadConstraints(db, q.participantId) : Promise.resolve(null),
    q.participantId
      ? db
          .selectFrom('participants')
          .select(['postcode', 'adjustments'])
          .where('id', '=', q.participantId)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  // What the adviser recorded as adjustments ("afternoons only") counts as well as the form.
  const saved: ParticipantConstraints = constraints ?? NO_CONSTRAINTS;
  const c = q.readAdjustments ? withAdjustments(saved, person?.adjustments) : saved;
  return {
    calendars: diaryCalendars(),
    offices,
    adviser: {
      id: q.adviserId,
      patterns: patterns.map((p) => ({
        effectiveFrom: p.effective_from,
        effectiveTo: p.effective_to,
        sessions: JSON.parse(p.sessions) as DiaryContext['adviser']['patterns'][number]['sessions'],
      })),
      leave: leave.map((l) => ({
        from: l.from_date,
        to: l.to_date,
        startTime: l.start_time,
        endTime: l.end_time,
      })),
    },
    participant: { id: q.participantId ?? '', constraints: c, location: locate(person?.postcode) },
    appointments: appointments.map((a) => ({
      id: a.id,
      adviserId: a.adviser_id,
      participantId: a.participant_id,
      officeId: a.office_id,
      room: a.room,
      start: a.start,
      end: a.end,
    })),
  };
}
