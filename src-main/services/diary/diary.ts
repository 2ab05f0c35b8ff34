/**
 * Offices and appointments. Booking refuses a double-booked adviser, room or participant with a
 * message naming the clash. Writes go through the write path.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Kysely, Selectable } from 'kysely';
import type { AppointmentTable, Database } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import type { Writer, WritePath } from '../../write-path/write-path';
import { addTimelineEvent, type ParticipantService } from '../caseload/participants';
import { followWork } from '../caseload/status-follows-work';
import { londonDate } from '@shared/domain/identity/civil-date';
import { APPOINTMENT_KIND_LABELS, CHANNEL_PHRASES } from '@shared/wording/labels';
import { weekdayDayMonthYear } from '@shared/wording/dates';

/** 'Wednesday 9 December 2026 at 10:00' from a wall-clock time. */
export const whenInWords = (local: string): string =>
  `${weekdayDayMonthYear(local.slice(0, 10))} at ${local.slice(11, 16)}`;
import { loadDiaryContext } from './diary-context';
import {
  END_OF_DAY,
  appointmentsOfAdviser,
  appointmentsOfParticipant,
  officeColumns,
  toAppointment,
  toOffice,
} from '../../db/repositories/diary';
import { bookingRefusal } from '@shared/domain/diary/booking-rules';
import type {
  Appointment,
  AppointmentOutcome,
  Booking,
  Office,
  OfficeDetails,
} from '@shared/schemas/diary';
import type { AcceptPlan, AppointmentsQuery } from '@shared/ipc/channels/diary';

const ACTIVE: AppointmentOutcome[] = ['booked', 'attended'];

/**
 * Refuses a time outside the office's working days and opening hours, the adviser's working
 * pattern, or in the adviser's leave, or a room that does not exist or does not meet the
 * participant's needs (the pure rules in booking-rules.ts).
 */
async function checkRules(
  db: Kysely<Database>,
  b: Pick<Booking, 'participantId' | 'officeId' | 'room' | 'start' | 'end' | 'channel'> & {
    adviserId: string;
  },
): Promise<void> {
  const day = b.start.slice(0, 10);
  const ctx = await loadDiaryContext(db, {
    adviserId: b.adviserId,
    participantId: b.participantId,
    from: day,
    to: day,
  });
  const refusal = bookingRefusal(ctx, b);
  if (refusal) throw new AppError('refused', refusal.message, refusal.field);
}

/** The first live appointment overlapping [start, end) that shares the adviser, room or participant. */
async function findClash(
  db: Kysely<Database>,
  b: Booking & { adviserId: string },
  ignoreId?: string,
) {
  let q = db
    .selectFrom('appointments')
    .selectAll()
    .where('outcome', 'in', ACTIVE)
    .where('start', '<', b.end)
    .where('end', '>', b.start)
    .where((eb) =>
      eb.or([
        eb('adviser_id', '=', b.adviserId),
        eb('participant_id', '=', b.participantId),
        ...(b.room && b.officeId
          ? [eb.and([eb('office_id', '=', b.officeId), eb('room', '=', b.room)])]
          : []),
      ]),
    );
  if (ignoreId) q = q.where('id', '!=', ignoreId);
  return q.limit(1).executeTakeFirst();
}

function clashMessage(
  clash: Selectable<AppointmentTable>,
  b: Booking & { adviserId: string },
): AppError {
  const when = `${clash.start.replace('T', ' ')}–${clash.end.slice(11)}`;
  if (clash.participant_id === b.participantId)
    return new AppError(
      'conflict',
      `The participant already has an appointment at ${when}`,
      'start',
    );
  if (clash.adviser_id === b.adviserId)
    return new AppError('conflict', `The adviser is already booked at ${when}`, 'start');
  return new AppError('conflict', `Room ${clash.room} is already booked at ${when}`, 'room');
}

export class DiaryService {
  /** With the caseload's participant service, booking the induction moves the status on. */
  constructor(
    private readonly wp: WritePath,
    private readonly participants?: ParticipantService,
  ) {}

  /** Creates or edits an office or venue; `details` passed `officeSchema` at the boundary. */
  saveOffice(details: OfficeDetails, id?: string): Promise<Office> {
    return this.wp.transaction(async (w) => {
      const at = w.now.toISOString();
      if (id) {
        const before = await w.trx
          .selectFrom('offices')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst();
        if (!before) throw notFound('That office');
        const after = {
          ...before,
          ...officeColumns(details),
          version: before.version + 1,
          updated_at: at,
        };
        await w.trx.updateTable('offices').set(after).where('id', '=', id).execute();
        await w.record({
          entityType: 'office',
          entityId: id,
          op: 'update',
          payload: after,
          action: 'office.update',
        });
        return toOffice(after);
      }
      const row = {
        id: uuidv7(),
        ...officeColumns(details),
        closed_on: null,
        version: 1,
        created_at: at,
        updated_at: at,
      };
      await w.trx.insertInto('offices').values(row).execute();
      await w.record({
        entityType: 'office',
        entityId: row.id,
        op: 'insert',
        payload: row,
        action: 'office.create',
      });
      return toOffice(row);
    });
  }

  /**
   * Closes a venue for good from a date, or reopens it (`closedOn` null). Its appointments and
   * letters keep pointing at it; the slot finder stops offering it. Booked appointments on or
   * after the date are counted so the screen can say how many need moving.
   */
  setClosed(
    id: string,
    version: number,
    closedOn: string | null,
  ): Promise<Office & { appointmentsAffected: number }> {
    return this.wp.transaction(async (w) => {
      const before = await w.trx
        .selectFrom('offices')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!before) throw notFound('That office');
      if (before.version !== version)
        throw new AppError(
          'conflict',
          'Someone else changed this venue since you opened it. Reload the page and try again',
        );
      const after = {
        ...before,
        closed_on: closedOn,
        version: before.version + 1,
        updated_at: w.now.toISOString(),
      };
      await w.trx.updateTable('offices').set(after).where('id', '=', id).execute();
      await w.record({
        entityType: 'office',
        entityId: id,
        op: 'update',
        payload: after,
        action: closedOn ? 'office.close' : 'office.reopen',
        detail: { fields: ['closedOn'] },
      });
      const affected = closedOn
        ? await w.trx
            .selectFrom('appointments')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('office_id', '=', id)
            .where('outcome', '=', 'booked')
            .where('start', '>=', closedOn)
            .executeTakeFirstOrThrow()
        : { n: 0 };
      return { ...toOffice(after), appointmentsAffected: Number(affected.n) };
    });
  }

  async listOffices(): Promise<Office[]> {
    return (await this.wp.db.selectFrom('offices').selectAll().orderBy('name').execute()).map(
      toOffice,
    );
  }

  async getOffice(id: string): Promise<Office> {
    const row = await this.wp.db
      .selectFrom('offices')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('That office');
    return toOffice(row);
  }

  async bookIn(w: Writer, booking: Booking): Promise<Appointment> {
    const participant = await w.trx
      .selectFrom('participants')
      .select(['id', 'status'])
      .where('id', '=', booking.participantId)
      .executeTakeFirst();
    if (!participant) throw notFound('That participant');
    if (participant.status === 'exited')
      throw new AppError('refused', 'The participant has exited the programme', 'participantId');
    if (booking.officeId) {
      const office = await w.trx
        .selectFrom('offices')
        .select(['id', 'name', 'closed_on'])
        .where('id', '=', booking.officeId)
        .executeTakeFirst();
      if (!office) throw new AppError('not-found', 'That office was not found', 'officeId');
      if (office.closed_on !== null && booking.start.slice(0, 10) >= office.closed_on)
        throw new AppError(
          'refused',
          `${office.name} has closed: choose another venue`,
          'officeId',
        );
    }
    const withAdviser = { ...booking, adviserId: w.actor.id };
    await checkRules(w.trx, withAdviser);
    const clash = await findClash(w.trx, withAdviser);
    if (clash) throw clashMessage(clash, withAdviser);
    const at = w.now.toISOString();
    const row = {
      id: uuidv7(),
      participant_id: booking.participantId,
      adviser_id: w.actor.id,
      office_id: booking.officeId ?? null,
      room: booking.room ?? null,
      start: booking.start,
      end: booking.end,
      kind: booking.kind,
      channel: booking.channel,
      outcome: 'booked',
      prior_notice: null,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await w.trx.insertInto('appointments').values(row).execute();
    await w.record({
      entityType: 'appointment',
      entityId: row.id,
      op: 'insert',
      payload: row,
      action: 'appointment.book',
      detail: { participantId: booking.participantId, kind: booking.kind },
    });
    await addTimelineEvent(w, {
      participantId: booking.participantId,
      kind: 'appointment-booked',
      date: booking.start.slice(0, 10),
      summary: `${APPOINTMENT_KIND_LABELS[booking.kind]} booked for ${whenInWords(booking.start)}, ${CHANNEL_PHRASES[booking.channel]}`,
      data: { appointmentId: row.id },
    });
    if (booking.kind === 'induction')
      await followWork(
        w,
        this.participants,
        booking.participantId,
        'induction-booked',
        londonDate(w.now),
      );
    return toAppointment(row);
  }

  book(booking: Booking): Promise<Appointment> {
    return this.wp.transaction((w) => this.bookIn(w, booking));
  }

  /**
   * Books an accepted meeting plan (regular meetings): all of them or, on a refusal, none. Each
   * meeting's times and place passed `appointmentProblems` at the router, as a booking's do.
   */
  acceptPlan({ participantId, meetings }: AcceptPlan): Promise<Appointment[]> {
    return this.wp.transaction(async (w) => {
      const booked: Appointment[] = [];
      for (const m of meetings)
        booked.push(await this.bookIn(w, { ...m, participantId, kind: 'regular' }));
      return booked;
    });
  }

  /**
   * Moves a booked appointment; the same clash rules apply at the new time (the times themselves
   * passed `appointmentTimeProblems` at the router).
   */
  move(id: string, expectedVersion: number, start: string, end: string): Promise<Appointment> {
    return this.wp.transaction(async (w) => {
      const before = await w.trx
        .selectFrom('appointments')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!before) throw notFound('That appointment');
      if (before.version !== expectedVersion)
        throw new AppError(
          'conflict',
          'The appointment was changed elsewhere. Reload it and try again.',
        );
      if (before.outcome !== 'booked')
        throw new AppError('refused', 'Only a booked appointment can be moved');
      const current = toAppointment(before);
      const withAdviser = { ...current, start, end, adviserId: before.adviser_id };
      await checkRules(w.trx, withAdviser);
      const clash = await findClash(w.trx, withAdviser, id);
      if (clash) throw clashMessage(clash, withAdviser);
      const after = {
        ...before,
        start,
        end,
        version: before.version + 1,
        updated_at: w.now.toISOString(),
      };
      await w.trx.updateTable('appointments').set(after).where('id', '=', id).execute();
      await w.record({
        entityType: 'appointment',
        entityId: id,
        op: 'update',
        payload: after,
        action: 'appointment.move',
        detail: { participantId: before.participant_id },
      });
      await addTimelineEvent(w, {
        participantId: before.participant_id,
        kind: 'appointment-moved',
        date: start.slice(0, 10),
        summary: `Appointment moved from ${whenInWords(before.start)} to ${whenInWords(start)}`,
        // `from` lets the appointment change letter say what changed.
        data: { appointmentId: id, from: before.start },
      });
      return toAppointment(after);
    });
  }

  /** One participant's appointments, or the signed-in adviser's over a range of days. */
  appointments(q: AppointmentsQuery): Promise<Appointment[]> {
    return 'participantId' in q
      ? this.forParticipant(q.participantId)
      : this.forAdviser(this.wp.actor.id, q.from, q.to);
  }

  async forParticipant(participantId: string): Promise<Appointment[]> {
    return appointmentsOfParticipant(this.wp.db, participantId);
  }

  /** The adviser's appointments starting on any day from `from` to `to` inclusive. */
  async forAdviser(adviserId: string, from: string, to: string): Promise<Appointment[]> {
    return appointmentsOfAdviser(this.wp.db, adviserId, from, `${to}${END_OF_DAY}`);
  }
}
