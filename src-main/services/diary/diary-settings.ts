/**
 * The diary's settings: rooms at offices, the adviser's working patterns and leave, and each
 * participant's constraints. Every change goes through the write path (audit + journal); audit
 * details hold ids and field names only, never the constraints' wording.
 */
import { v7 as uuidv7 } from 'uuid';
import type { WritePath } from '../../write-path/write-path';
import { AppError, notFound } from '../../errors';
import { loadConstraints, loadRooms } from './diary-context';
import type {
  LeaveSave,
  ParticipantConstraintsSave,
  Room,
  RoomSave,
  SavedConstraints,
  SavedLeave,
  SavedWorkingPattern,
  WorkingPatternSave,
} from '@shared/schemas/diary-settings';

export class DiarySettingsService {
  constructor(private readonly wp: WritePath) {}

  listRooms(officeId?: string): Promise<Room[]> {
    return loadRooms(this.wp.db, officeId);
  }

  saveRoom(input: RoomSave): Promise<Room> {
    return this.wp.transaction(async (w) => {
      const office = await w.trx
        .selectFrom('offices')
        .select('id')
        .where('id', '=', input.officeId)
        .executeTakeFirst();
      if (!office) throw new AppError('not-found', 'That office was not found', 'officeId');
      const same = await w.trx
        .selectFrom('rooms')
        .select('id')
        .where('office_id', '=', input.officeId)
        .where('name', '=', input.name)
        .executeTakeFirst();
      if (same && same.id !== input.id)
        throw new AppError(
          'conflict',
          `The office already has a room called ${input.name}`,
          'name',
        );
      const at = w.now.toISOString();
      const columns = {
        office_id: input.officeId,
        name: input.name,
        capacity: input.capacity,
        step_free: input.stepFree ? 1 : 0,
        equipment: JSON.stringify([...new Set(input.equipment)].sort()),
        updated_at: at,
      };
      let row;
      if (input.id) {
        const before = await w.trx
          .selectFrom('rooms')
          .selectAll()
          .where('id', '=', input.id)
          .executeTakeFirst();
        if (!before) throw notFound('That room');
        if (before.office_id !== input.officeId)
          throw new AppError('refused', 'A room cannot move to another office', 'officeId');
        row = { ...before, ...columns, version: before.version + 1 };
        await w.trx.updateTable('rooms').set(row).where('id', '=', input.id).execute();
      } else {
        row = { id: uuidv7(), ...columns, version: 1, created_at: at };
        await w.trx.insertInto('rooms').values(row).execute();
      }
      await w.record({
        entityType: 'room',
        entityId: row.id,
        op: input.id ? 'update' : 'insert',
        payload: row,
        action: input.id ? 'room.update' : 'room.create',
        detail: { officeId: input.officeId },
      });
      return {
        id: row.id,
        officeId: row.office_id,
        name: row.name,
        capacity: row.capacity,
        stepFree: row.step_free === 1,
        equipment: JSON.parse(row.equipment) as Room['equipment'],
        version: row.version,
      };
    });
  }

  async listPatterns(adviserId = this.wp.actor.id): Promise<SavedWorkingPattern[]> {
    const rows = await this.wp.db
      .selectFrom('adviser_patterns')
      .selectAll()
      .where('adviser_id', '=', adviserId)
      .orderBy('effective_from')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      adviserId: r.adviser_id,
      effectiveFrom: r.effective_from,
      effectiveTo: r.effective_to,
      sessions: JSON.parse(r.sessions) as SavedWorkingPattern['sessions'],
      version: r.version,
    }));
  }

  /** The signed-in adviser's pattern from a date; saving with an id replaces that pattern. */
  savePattern(input: WorkingPatternSave): Promise<SavedWorkingPattern> {
    return this.wp.transaction(async (w) => {
      const at = w.now.toISOString();
      const columns = {
        adviser_id: w.actor.id,
        effective_from: input.effectiveFrom,
        effective_to: input.effectiveTo,
        sessions: JSON.stringify(input.sessions),
        updated_at: at,
      };
      let row;
      if (input.id) {
        const before = await w.trx
          .selectFrom('adviser_patterns')
          .selectAll()
          .where('id', '=', input.id)
          .where('adviser_id', '=', w.actor.id)
          .executeTakeFirst();
        if (!before) throw notFound('That working pattern');
        row = { ...before, ...columns, version: before.version + 1 };
        await w.trx.updateTable('adviser_patterns').set(row).where('id', '=', input.id).execute();
      } else {
        const clash = await w.trx
          .selectFrom('adviser_patterns')
          .select('id')
          .where('adviser_id', '=', w.actor.id)
          .where('effective_from', '=', input.effectiveFrom)
          .executeTakeFirst();
        if (clash)
          throw new AppError(
            'conflict',
            `A working pattern already starts on ${input.effectiveFrom}: change that one instead`,
            'effectiveFrom',
          );
        row = { id: uuidv7(), ...columns, version: 1, created_at: at };
        await w.trx.insertInto('adviser_patterns').values(row).execute();
      }
      await w.record({
        entityType: 'adviser-pattern',
        entityId: row.id,
        op: input.id ? 'update' : 'insert',
        payload: row,
        action: input.id ? 'adviser-pattern.update' : 'adviser-pattern.create',
      });
      return {
        id: row.id,
        adviserId: row.adviser_id,
        effectiveFrom: row.effective_from,
        effectiveTo: row.effective_to,
        sessions: input.sessions,
        version: row.version,
      };
    });
  }

  async listLeave(adviserId = this.wp.actor.id): Promise<SavedLeave[]> {
    const rows = await this.wp.db
      .selectFrom('adviser_leave')
      .selectAll()
      .where('adviser_id', '=', adviserId)
      .orderBy('from_date')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      adviserId: r.adviser_id,
      from: r.from_date,
      to: r.to_date,
      startTime: r.start_time,
      endTime: r.end_time,
      reason: r.reason,
    }));
  }

  /**
   * Records leave for the signed-in adviser. Booked appointments in the leave are not moved
   * silently: their count comes back so the screen can say what needs rebooking.
   */
  addLeave(input: LeaveSave): Promise<SavedLeave & { appointmentsAffected: number }> {
    return this.wp.transaction(async (w) => {
      const row = {
        id: uuidv7(),
        adviser_id: w.actor.id,
        from_date: input.from,
        to_date: input.to,
        start_time: input.startTime,
        end_time: input.endTime,
        reason: input.reason,
        created_at: w.now.toISOString(),
      };
      await w.trx.insertInto('adviser_leave').values(row).execute();
      await w.record({
        entityType: 'adviser-leave',
        entityId: row.id,
        op: 'insert',
        payload: row,
        action: 'adviser-leave.create',
      });
      const from = `${input.from}T${input.startTime ?? '00:00'}`;
      const to = `${input.to}T${input.endTime ?? '24:00'}`;
      const affected = await w.trx
        .selectFrom('appointments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('adviser_id', '=', w.actor.id)
        .where('outcome', '=', 'booked')
        .where('start', '<', to)
        .where('end', '>', from)
        .executeTakeFirstOrThrow();
      return {
        id: row.id,
        adviserId: row.adviser_id,
        ...input,
        appointmentsAffected: Number(affected.n),
      };
    });
  }

  removeLeave(id: string): Promise<void> {
    return this.wp.transaction(async (w) => {
      const before = await w.trx
        .selectFrom('adviser_leave')
        .selectAll()
        .where('id', '=', id)
        .where('adviser_id', '=', w.actor.id)
        .executeTakeFirst();
      if (!before) throw notFound('That leave');
      await w.trx.deleteFrom('adviser_leave').where('id', '=', id).execute();
      await w.record({
        entityType: 'adviser-leave',
        entityId: id,
        op: 'delete',
        payload: { id },
        action: 'adviser-leave.delete',
      });
    });
  }

  getConstraints(participantId: string): Promise<SavedConstraints> {
    return loadConstraints(this.wp.db, participantId);
  }

  saveConstraints(input: ParticipantConstraintsSave): Promise<SavedConstraints> {
    return this.wp.transaction(async (w) => {
      const participant = await w.trx
        .selectFrom('participants')
        .select('id')
        .where('id', '=', input.participantId)
        .executeTakeFirst();
      if (!participant)
        throw new AppError('not-found', 'That participant was not found', 'participantId');
      const before = await loadConstraints(w.trx, input.participantId);
      const row = {
        participant_id: input.participantId,
        unavailable: JSON.stringify(input.unavailable),
        preferred_channel: input.preferredChannel,
        needs_step_free: input.needsStepFree ? 1 : 0,
        needs_hearing_loop: input.needsHearingLoop ? 1 : 0,
        attend_days: JSON.stringify(input.attendDays),
        time_of_day: input.timeOfDay,
        version: before.version + 1,
        updated_at: w.now.toISOString(),
      };
      await w.trx
        .insertInto('participant_constraints')
        .values(row)
        .onConflict((oc) => oc.column('participant_id').doUpdateSet(row))
        .execute();
      await w.record({
        entityType: 'participant-constraints',
        entityId: input.participantId,
        op: before.version === 0 ? 'insert' : 'update',
        payload: row,
        action: 'participant-constraints.save',
        detail: {
          participantId: input.participantId,
          fields: [
            'unavailable',
            'preferredChannel',
            'needsStepFree',
            'needsHearingLoop',
            'attendDays',
            'timeOfDay',
          ],
        },
      });
      return { ...input, version: row.version };
    });
  }
}
