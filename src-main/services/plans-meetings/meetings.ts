/**
 * The meeting logger: an appointment's outcome, channel, notes and steps reviewed, written to the
 * appointment (whose outcome and prior notice the charter clocks read) and to a meeting record.
 * A DNA without prior notice makes the R8 follow-up; the adviser's decision about it (good
 * reason; compliance doubt passed to Jobcentre Plus) is recorded as a fact, never as a penalty.
 */
import { AppError, notFound } from '../../errors';
import type { WritePath } from '../../write-path/write-path';
import { addTimelineEvent } from '../caseload/participants';
import type { DiaryService } from '../diary/diary';
import {
  appointmentsOfParticipant,
  findAppointment,
  toAppointment,
  updateAppointment,
} from '../../db/repositories/diary';
import { followWork } from '../caseload/status-follows-work';
import { whenInWords } from '../diary/diary';
import { APPOINTMENT_KIND_LABELS, CHANNEL_PHRASES } from '@shared/wording/labels';
import type { AppointmentKind } from '@shared/schemas/diary';
import type { ParticipantService } from '../caseload/participants';

const stepsWords = (n: number): string =>
  n === 0 ? '' : `; ${n === 1 ? 'one plan step' : `${n} plan steps`} talked through`;
import { claimsOf, contactsOf, lifeEventsOf } from '../../db/repositories/caseload-records';
import { findParticipant } from '../../db/repositories/participants';
import {
  adviserRole,
  findMeetingRecord,
  insertMeetingRecord,
  meetingRecordsOf,
  toDecision,
  toRecord,
  updateMeetingRecord,
} from '../../db/repositories/meetings';
import { obligationsFor } from '../obligations/participant-obligations';
import { londonDate } from '@shared/domain/identity/civil-date';
import type { Appointment } from '@shared/schemas/diary';
import type {
  logMeetingSchema,
  missedDecisionSchema,
  MeetingRecord,
  MeetingsOverview,
  MissedDecision,
} from '@shared/schemas/meeting';
import type { z } from 'zod';

const OUTCOME_WORDS: Record<MeetingRecord['outcome'], string> = {
  attended: 'attended',
  dna: 'did not attend',
  'cancelled-by-participant': 'cancelled by the participant',
  'cancelled-by-provider': 'cancelled by us',
};

export interface LoggedMeeting {
  appointment: Appointment;
  next: Appointment | null;
}

export class MeetingService {
  /** With the caseload's participant service, attending the induction starts the participant. */
  constructor(
    private readonly wp: WritePath,
    private readonly diary: DiaryService,
    private readonly participants?: ParticipantService,
  ) {}

  /** The role of the adviser using this session: it decides who reads special-category notes. */
  role(): Promise<string> {
    return adviserRole(this.wp.db, this.wp.actor.id);
  }

  async overview(participantId: string): Promise<MeetingsOverview> {
    const db = this.wp.db;
    if (!(await findParticipant(db, participantId))) throw notFound('That participant');
    const [role, appointments, records, contacts, claims, lifeEvents, obligations] =
      await Promise.all([
        this.role(),
        appointmentsOfParticipant(db, participantId, 'newest-first'),
        meetingRecordsOf(db, participantId),
        contactsOf(db, participantId),
        claimsOf(db, participantId),
        lifeEventsOf(db, participantId, 'newest-first'),
        obligationsFor(db, participantId, londonDate(this.wp.now())),
      ]);
    await this.wp.auditRead('participant', participantId, { view: 'meetings' });
    const recordOf = new Map(records.map((r) => [r.appointment_id, r]));
    const followUps = new Map(
      obligations.filter((o) => o.rule === 'R8' && o.ref).map((o) => [o.ref!, o]),
    );
    const allContacts = contacts;
    return {
      participantId,
      role,
      meetings: appointments.map((a) => {
        const record = recordOf.get(a.id);
        const follow = followUps.get(a.id);
        return {
          appointment: a,
          record: record ? toRecord(record, role) : null,
          followUp: follow
            ? {
                due: follow.due,
                status: follow.status,
                metOn: follow.metOn ?? null,
              }
            : null,
          contacts: allContacts.filter((c) => c.appointmentId === a.id),
          decision: record ? toDecision(record) : null,
          claims: claims.filter((c) => c.appointmentId === a.id),
        };
      }),
      otherContacts: allContacts.filter((c) => c.appointmentId === null),
      lifeEvents,
    };
  }

  /** `m` has passed `logMeetingSchema` at the boundary (the IPC router). */
  async log(m: z.output<typeof logMeetingSchema>): Promise<LoggedMeeting> {
    return this.wp.transaction(async (w) => {
      const before = await findAppointment(w.trx, m.appointmentId);
      if (!before) throw notFound('That appointment');
      if (before.version !== m.expectedVersion)
        throw new AppError(
          'conflict',
          'The appointment was changed elsewhere. Reload it and try again.',
        );
      if (before.outcome !== 'booked')
        throw new AppError('refused', 'This appointment already has an outcome', 'outcome');
      const today = londonDate(w.now);
      if ((m.outcome === 'attended' || m.outcome === 'dna') && before.start.slice(0, 10) > today)
        throw new AppError(
          'invalid-input',
          'An appointment in the future cannot be attended or missed yet',
          'outcome',
        );
      const at = w.now.toISOString();
      const after = {
        ...before,
        outcome: m.outcome,
        prior_notice: m.priorNotice === null ? null : m.priorNotice ? 1 : 0,
        version: before.version + 1,
        updated_at: at,
      };
      await updateAppointment(w.trx, after);
      await w.record({
        entityType: 'appointment',
        entityId: before.id,
        op: 'update',
        payload: after,
        action: 'appointment.outcome',
        detail: { participantId: before.participant_id, outcome: m.outcome },
      });
      const record = {
        appointment_id: before.id,
        participant_id: before.participant_id,
        outcome: m.outcome,
        channel: m.channel,
        notes: m.notes,
        notes_special_category: m.notesSpecialCategory ? 1 : 0,
        steps_reviewed: JSON.stringify(m.stepsReviewed),
        good_reason: null,
        compliance_doubt_referred: null,
        decided_on: null,
        decision_note: null,
        decided_by: null,
        recorded_at: at,
        recorded_by: w.actor.name,
      };
      await insertMeetingRecord(w.trx, record);
      await w.record({
        entityType: 'meeting_record',
        entityId: before.id,
        op: 'insert',
        payload: record,
        action: 'meeting.log',
        detail: {
          participantId: before.participant_id,
          specialCategory: m.notesSpecialCategory,
          stepsReviewed: m.stepsReviewed.length,
        },
      });
      const notice =
        m.outcome === 'dna'
          ? m.priorNotice
            ? ', with notice given beforehand'
            : ', with no notice given: a follow-up contact is due'
          : '';
      // Notes stay off the timeline: it is shown to every role, and notes may be special-category.
      await addTimelineEvent(w, {
        participantId: before.participant_id,
        kind: 'meeting',
        date: before.start.slice(0, 10),
        summary: `${APPOINTMENT_KIND_LABELS[before.kind as AppointmentKind] ?? 'Appointment'} on ${whenInWords(before.start)}, ${CHANNEL_PHRASES[m.channel]}: ${OUTCOME_WORDS[m.outcome]}${notice}${stepsWords(m.stepsReviewed.length)}`,
        data: {
          appointmentId: before.id,
          outcome: m.outcome,
          channel: m.channel,
          priorNotice: m.priorNotice,
        },
      });
      if (before.kind === 'induction' && m.outcome === 'attended')
        await followWork(
          w,
          this.participants,
          before.participant_id,
          'induction-attended',
          before.start.slice(0, 10),
        );
      if (m.next && m.next.participantId !== before.participant_id)
        throw new AppError(
          'invalid-input',
          'The next appointment is for someone else',
          'next.participantId',
        );
      const next = m.next ? await this.diary.bookIn(w, m.next) : null;
      return { appointment: toAppointment(after), next };
    });
  }

  /** The adviser's decision about a missed meeting (R8): facts, not a judgement by the app. */
  async decide(d: z.output<typeof missedDecisionSchema>): Promise<MissedDecision> {
    return this.wp.transaction(async (w) => {
      const before = await findMeetingRecord(w.trx, d.appointmentId);
      if (!before || before.outcome !== 'dna')
        throw new AppError(
          'refused',
          'A decision is recorded only for a missed appointment',
          'appointmentId',
        );
      if (d.decidedOn > londonDate(w.now))
        throw new AppError(
          'invalid-input',
          'The decision date cannot be in the future',
          'decidedOn',
        );
      const after = {
        ...before,
        good_reason: d.goodReason ? 1 : 0,
        compliance_doubt_referred: d.complianceDoubtReferred ? 1 : 0,
        decided_on: d.decidedOn,
        decision_note: d.note,
        decided_by: w.actor.name,
      };
      await updateMeetingRecord(w.trx, after);
      await w.record({
        entityType: 'meeting_record',
        entityId: d.appointmentId,
        op: 'update',
        payload: after,
        action: 'meeting.missed-decision',
        detail: { participantId: before.participant_id },
      });
      await addTimelineEvent(w, {
        participantId: before.participant_id,
        kind: 'missed-decision',
        date: d.decidedOn,
        summary: d.goodReason
          ? 'Adviser recorded that there was good reason for the missed appointment'
          : d.complianceDoubtReferred
            ? 'Adviser recorded no good reason for the missed appointment and passed the question to Jobcentre Plus, who decide what happens next'
            : 'Adviser recorded no good reason for the missed appointment; nothing passed to Jobcentre Plus',
        data: {
          appointmentId: d.appointmentId,
          goodReason: d.goodReason,
          complianceDoubtReferred: d.complianceDoubtReferred,
        },
      });
      return toDecision(after)!;
    });
  }
}
