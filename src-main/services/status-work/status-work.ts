/**
 * What the adviser records when the work alone does not settle the status or a charter clock:
 * a status correction (with its reason, audited as a correction and shown on the timeline), the
 * R6 in-person exemption, and the R13 exit review, which also ends the participant's time on the
 * programme. Each is a timeline event the obligation facts read (facts-from-rows.ts), so the
 * record and the clocks cannot disagree, and each travels to the central service as any event.
 */
import type { Selectable } from 'kysely';
import type { ParticipantEventTable } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { findParticipant, toParticipant } from '../../db/repositories/participants';
import type { WritePath, Writer } from '../../write-path/write-path';
import { addTimelineEvent, type ParticipantService } from '../caseload/participants';
import { londonDate } from '@shared/domain/identity/civil-date';
import { dayMonthYear } from '@shared/wording/dates';
import { EXIT_REVIEW_OUTCOME_LABELS } from '@shared/wording/labels';
import type { ExitReason, Participant } from '@shared/schemas/participant';
import {
  exemptionEventData,
  exitReviewEventData,
  type ExitReview,
  type ExitReviewInput,
  type ExitReviewOutcome,
  type InPersonExemption,
  type InPersonExemptionInput,
  type StatusCorrection,
} from '@shared/schemas/status-work';

/** The exit reason the status takes from the review's outcome. */
const EXIT_REASON_OF: Record<ExitReviewOutcome, ExitReason> = {
  'handed-back': 'completed-programme',
  'in-work': 'completed-programme',
  'other-support': 'other',
};

async function participantRow(w: Writer, id: string) {
  const row = await w.trx
    .selectFrom('participants')
    .select(['status', 'referral_date'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('That participant');
  return row;
}

/** A date that must fall between the referral and today. */
function checkDate(w: Writer, date: string, referral: string, field: string): void {
  if (date > londonDate(w.now))
    throw new AppError('invalid-input', 'The date cannot be in the future', field);
  if (date < referral)
    throw new AppError('invalid-input', 'The date cannot be before the referral date', field);
}

type EventRow = Selectable<ParticipantEventTable>;

function toExemption(r: EventRow): InPersonExemption {
  const d = exemptionEventData.parse(JSON.parse(r.data));
  return {
    id: r.id,
    from: d.from,
    to: d.to,
    reason: d.reason,
    healthRelated: d.healthRelated,
    recordedBy: r.actor,
  };
}

function toExitReview(r: EventRow): ExitReview {
  const d = exitReviewEventData.parse(JSON.parse(r.data));
  return { id: r.id, participantId: r.participant_id, date: r.date, ...d, recordedBy: r.actor };
}

export class StatusWorkService {
  constructor(
    private readonly wp: WritePath,
    private readonly participants: ParticipantService,
  ) {}

  correctStatus(c: StatusCorrection): Promise<Participant> {
    return this.wp.transaction(async (w) => {
      const p = await participantRow(w, c.id);
      if (p.status === c.status)
        throw new AppError('refused', 'That is already their status: choose another', 'status');
      checkDate(w, c.date, p.referral_date, 'date');
      return this.participants.changeStatusIn(
        w,
        { id: c.id, status: c.status, date: c.date, exitReason: c.exitReason, note: c.reason },
        true,
      );
    });
  }

  recordExemption(e: InPersonExemptionInput): Promise<InPersonExemption> {
    return this.wp.transaction(async (w) => {
      const p = await participantRow(w, e.participantId);
      if (e.from < p.referral_date)
        throw new AppError(
          'invalid-input',
          'The exemption cannot start before the referral date',
          'from',
        );
      const id = await addTimelineEvent(w, {
        participantId: e.participantId,
        kind: 'in-person-exemption',
        date: e.from,
        // The reason stays in the data: a health reason is filtered by role, the summary is not.
        summary: `Cannot attend in person from ${dayMonthYear(e.from)} to ${dayMonthYear(e.to)}: phone and video meetings count in that time`,
        data: { from: e.from, to: e.to, reason: e.reason, healthRelated: e.healthRelated },
      });
      return { id, ...e, recordedBy: w.actor.name };
    });
  }

  async exemptions(participantId: string): Promise<InPersonExemption[]> {
    const rows = await this.events(participantId, 'in-person-exemption');
    return rows.map(toExemption);
  }

  /** Records the review and, unless already exited, exits the participant on its date. */
  recordExitReview(r: ExitReviewInput): Promise<{ review: ExitReview; participant: Participant }> {
    return this.wp.transaction(async (w) => {
      const p = await participantRow(w, r.participantId);
      checkDate(w, r.date, p.referral_date, 'date');
      const id = await addTimelineEvent(w, {
        participantId: r.participantId,
        kind: 'exit-review',
        date: r.date,
        summary: `Exit review: ${EXIT_REVIEW_OUTCOME_LABELS[r.outcome]}. Going on to ${r.destination}`,
        data: { outcome: r.outcome, destination: r.destination, summary: r.summary },
      });
      const participant =
        p.status === 'exited'
          ? toParticipant((await findParticipant(w.trx, r.participantId))!)
          : await this.participants.changeStatusIn(w, {
              id: r.participantId,
              status: 'exited',
              date: r.date,
              exitReason: EXIT_REASON_OF[r.outcome],
              note: 'Exit review held',
            });
      return { review: { id, ...r, recordedBy: w.actor.name }, participant };
    });
  }

  async exitReviews(participantId: string): Promise<ExitReview[]> {
    const rows = await this.events(participantId, 'exit-review');
    return rows.map(toExitReview);
  }

  async exitReview(participantId: string, reviewId: string): Promise<ExitReview> {
    const found = (await this.exitReviews(participantId)).find((r) => r.id === reviewId);
    if (!found) throw notFound('That exit review');
    return found;
  }

  private async events(participantId: string, kind: string): Promise<EventRow[]> {
    const exists = await this.wp.db
      .selectFrom('participants')
      .select('id')
      .where('id', '=', participantId)
      .executeTakeFirst();
    if (!exists) throw notFound('That participant');
    const rows = await this.wp.db
      .selectFrom('participant_events')
      .selectAll()
      .where('participant_id', '=', participantId)
      .where('kind', '=', kind)
      .orderBy('date', 'desc')
      .orderBy('recorded_at', 'desc')
      .execute();
    await this.wp.auditRead('participant', participantId, { view: kind });
    return rows;
  }
}
