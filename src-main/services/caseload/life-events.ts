/**
 * Life events the participant tells the adviser about (R15). Each writes a 'life-event' timeline
 * event, which makes a plan review due (R7). A job start also moves the participant to in work,
 * which starts in-work support (R14); a job end moves them back to started.
 */
import { v7 as uuidv7 } from 'uuid';
import { lifeEventsOf, toLifeEvent } from '../../db/repositories/caseload-records';
import { AppError, notFound } from '../../errors';
import type { WritePath } from '../../write-path/write-path';
import { addTimelineEvent, type ParticipantService } from './participants';
import { londonDate } from '@shared/domain/identity/civil-date';
import { formatPence } from '@shared/domain/travel-claims';
import type { lifeEventSchema, LifeEvent } from '@shared/schemas/meeting';
import type { z } from 'zod';
import type { LifeEventKind } from '@shared/schemas/timeline-events';

const KIND_WORDS: Record<LifeEventKind, string> = {
  'job-start': 'Started work',
  'job-end': 'Left work',
  'hours-change': 'Working hours changed',
  'change-of-circumstances': 'Change of circumstances',
  'moved-house': 'Moved house',
};

export class LifeEventService {
  constructor(
    private readonly wp: WritePath,
    private readonly participants: ParticipantService,
  ) {}

  /** `e` has passed `lifeEventSchema` at the boundary (the IPC router). */
  async record(e: z.output<typeof lifeEventSchema>): Promise<LifeEvent> {
    return this.wp.transaction(async (w) => {
      const p = await w.trx
        .selectFrom('participants')
        .select(['status', 'referral_date'])
        .where('id', '=', e.participantId)
        .executeTakeFirst();
      if (!p) throw notFound('That participant');
      if (e.date > londonDate(w.now))
        throw new AppError('invalid-input', 'The date cannot be in the future', 'date');
      if (e.date < p.referral_date)
        throw new AppError('invalid-input', 'The date cannot be before the referral', 'date');
      if (e.kind === 'job-start' && p.status !== 'started' && p.status !== 'in-work')
        throw new AppError(
          'refused',
          'Record a job start once the participant has started on the programme',
          'kind',
        );
      if (e.kind === 'job-end' && p.status !== 'in-work')
        throw new AppError('refused', 'The participant is not recorded as in work', 'kind');
      const details =
        e.kind === 'job-start'
          ? `${e.employer}, ${e.hoursPerWeek} hours a week at ${formatPence(e.hourlyWagePence ?? 0)} an hour`
          : e.kind === 'hours-change'
            ? `now ${e.hoursPerWeek} hours a week`
            : e.employer;
      const eventId = await addTimelineEvent(w, {
        participantId: e.participantId,
        kind: 'life-event',
        date: e.date,
        summary: `${KIND_WORDS[e.kind]}${details ? `: ${details}` : ''}`,
        data: {
          lifeEvent: e.kind,
          employer: e.employer || null,
          hoursPerWeek: e.hoursPerWeek,
          hourlyWagePence: e.hourlyWagePence,
        },
      });
      const row = {
        id: uuidv7(),
        participant_id: e.participantId,
        event_id: eventId,
        kind: e.kind,
        date: e.date,
        employer: e.employer,
        hours_per_week: e.hoursPerWeek,
        hourly_wage_pence: e.hourlyWagePence,
        note: e.note,
        recorded_at: w.now.toISOString(),
        recorded_by: w.actor.name,
      };
      await w.trx.insertInto('life_events').values(row).execute();
      await w.record({
        entityType: 'life_event',
        entityId: row.id,
        op: 'insert',
        payload: row,
        action: 'life-event.record',
        detail: { participantId: e.participantId, kind: e.kind },
      });
      // A change of job while in work stays in work; the status event is what R14 counts.
      if (e.kind === 'job-start' && p.status === 'started')
        await this.participants.changeStatusIn(w, {
          id: e.participantId,
          status: 'in-work',
          date: e.date,
          note: 'Started work',
        });
      if (e.kind === 'job-end')
        await this.participants.changeStatusIn(w, {
          id: e.participantId,
          status: 'started',
          date: e.date,
          note: 'Left work',
        });
      return toLifeEvent(row);
    });
  }

  forParticipant(participantId: string): Promise<LifeEvent[]> {
    return lifeEventsOf(this.wp.db, participantId, 'oldest-first');
  }
}
