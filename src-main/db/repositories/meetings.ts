/**
 * Meeting records ↔ domain objects (what was logged for an appointment, and the adviser's
 * decision about a missed one) and the reads the meetings overview needs. Functions take the db
 * first.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, MeetingRecordTable } from '../schema';
import {
  maySeeSpecialCategory,
  type MeetingRecord,
  type MissedDecision,
} from '@shared/schemas/meeting';

/** Special-category notes are withheld from a role that may not see them, and say so. */
export function toRecord(r: Selectable<MeetingRecordTable>, role: string): MeetingRecord {
  const hidden = r.notes_special_category === 1 && !maySeeSpecialCategory(role);
  return {
    outcome: r.outcome as MeetingRecord['outcome'],
    channel: r.channel as MeetingRecord['channel'],
    notes: hidden ? null : r.notes,
    notesSpecialCategory: r.notes_special_category === 1,
    notesHidden: hidden,
    stepsReviewed: JSON.parse(r.steps_reviewed) as string[],
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  };
}

export function toDecision(r: Selectable<MeetingRecordTable>): MissedDecision | null {
  if (r.good_reason === null || r.decided_on === null) return null;
  return {
    goodReason: r.good_reason === 1,
    complianceDoubtReferred: r.compliance_doubt_referred === 1,
    decidedOn: r.decided_on,
    note: r.decision_note ?? '',
    recordedBy: r.decided_by ?? '',
  };
}

export function meetingRecordsOf(db: Kysely<Database>, participantId: string) {
  return db
    .selectFrom('meeting_records')
    .selectAll()
    .where('participant_id', '=', participantId)
    .execute();
}

export const findMeetingRecord = (db: Kysely<Database>, appointmentId: string) =>
  db
    .selectFrom('meeting_records')
    .selectAll()
    .where('appointment_id', '=', appointmentId)
    .executeTakeFirst();

export async function insertMeetingRecord(
  db: Kysely<Database>,
  row: Insertable<MeetingRecordTable>,
): Promise<void> {
  await db.insertInto('meeting_records').values(row).execute();
}

export async function updateMeetingRecord(
  db: Kysely<Database>,
  row: Selectable<MeetingRecordTable>,
): Promise<void> {
  await db
    .updateTable('meeting_records')
    .set(row)
    .where('appointment_id', '=', row.appointment_id)
    .execute();
}

/** The adviser's role; an unknown adviser is given the narrowest, reception. */
export async function adviserRole(db: Kysely<Database>, adviserId: string): Promise<string> {
  const row = await db
    .selectFrom('advisers')
    .select('role')
    .where('id', '=', adviserId)
    .executeTakeFirst();
  return row?.role ?? 'reception';
}
