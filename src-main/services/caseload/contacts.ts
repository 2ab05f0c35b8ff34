/**
 * Contact attempts: after a missed meeting (R8, which any logged attempt meets, reached or not),
 * in work (R14) or in general. Each writes the 'contact' timeline event the charter clocks read.
 */
import { v7 as uuidv7 } from 'uuid';
import { contactsOf, toContact } from '../../db/repositories/caseload-records';
import { AppError, notFound } from '../../errors';
import type { WritePath } from '../../write-path/write-path';
import { addTimelineEvent } from './participants';
import { londonDate } from '@shared/domain/identity/civil-date';
import { followWork } from './status-follows-work';
import { whenInWords } from '../diary/diary';
import { CHANNEL_PHRASES } from '@shared/wording/labels';
import type { ParticipantService } from './participants';
import type { contactAttemptSchema, ContactAttempt, ContactOutcome } from '@shared/schemas/meeting';
import type { z } from 'zod';

const OUTCOME_WORDS: Record<ContactOutcome, string> = {
  spoke: 'spoke to the participant',
  'left-message': 'left a message',
  'no-answer': 'no answer',
  'message-sent': 'message sent',
  'letter-sent': 'letter sent',
};

const KIND_WORDS = {
  'dna-follow-up': 'Follow-up after a missed appointment',
  'in-work': 'In-work support contact',
  general: 'Contact',
  initial: 'Initial contact',
} as const;

export class ContactService {
  /** With the caseload's participant service, the first contact moves the status on. */
  constructor(
    private readonly wp: WritePath,
    private readonly participants?: ParticipantService,
  ) {}

  /** `c` has passed `contactAttemptSchema` at the boundary (the IPC router). */
  async record(c: z.output<typeof contactAttemptSchema>): Promise<ContactAttempt> {
    return this.wp.transaction(async (w) => {
      const p = await w.trx
        .selectFrom('participants')
        .select(['id', 'referral_date'])
        .where('id', '=', c.participantId)
        .executeTakeFirst();
      if (!p) throw notFound('That participant');
      if (c.date > londonDate(w.now))
        throw new AppError('invalid-input', 'The contact date cannot be in the future', 'date');
      if (c.date < p.referral_date)
        throw new AppError(
          'invalid-input',
          'The contact date cannot be before the referral',
          'date',
        );
      if (c.appointmentId) {
        const a = await w.trx
          .selectFrom('appointments')
          .select(['participant_id', 'outcome', 'start'])
          .where('id', '=', c.appointmentId)
          .executeTakeFirst();
        if (!a || a.participant_id !== c.participantId)
          throw new AppError('not-found', 'That appointment was not found', 'appointmentId');
        if (c.contactKind === 'dna-follow-up' && a.outcome !== 'dna')
          throw new AppError(
            'refused',
            'A follow-up is for a missed appointment; log the appointment as missed first',
            'appointmentId',
          );
        if (c.date < a.start.slice(0, 10))
          throw new AppError(
            'invalid-input',
            'A follow-up cannot be before the appointment',
            'date',
          );
      }
      if (c.contactKind === 'initial') {
        const earlier = await w.trx
          .selectFrom('contact_attempts')
          .select('id')
          .where('participant_id', '=', c.participantId)
          .where('contact_kind', '=', 'initial')
          .executeTakeFirst();
        if (earlier)
          throw new AppError(
            'refused',
            'The first contact is already recorded; record this one as a general contact',
            'contactKind',
          );
      }
      const reached = c.outcome === 'spoke';
      const eventId = await addTimelineEvent(w, {
        participantId: c.participantId,
        kind: 'contact',
        date: c.date,
        summary: `${KIND_WORDS[c.contactKind]} ${CHANNEL_PHRASES[c.channel]}: ${OUTCOME_WORDS[c.outcome]}${c.inductionOffered ? `; induction offered for ${whenInWords(c.inductionOffered)}` : ''}`,
        data: {
          contactKind: c.contactKind,
          channel: c.channel,
          reached,
          inductionOffered: c.inductionOffered,
          appointmentId: c.appointmentId,
          outcome: c.outcome,
        },
      });
      const row = {
        id: uuidv7(),
        participant_id: c.participantId,
        appointment_id: c.appointmentId,
        event_id: eventId,
        contact_kind: c.contactKind,
        channel: c.channel,
        outcome: c.outcome,
        reached: reached ? 1 : 0,
        date: c.date,
        note: c.note,
        recorded_at: w.now.toISOString(),
        recorded_by: w.actor.name,
      };
      await w.trx.insertInto('contact_attempts').values(row).execute();
      if (c.contactKind === 'initial')
        await followWork(w, this.participants, c.participantId, 'initial-contact', c.date);
      await w.record({
        entityType: 'contact_attempt',
        entityId: row.id,
        op: 'insert',
        payload: row,
        action: 'contact.record',
        detail: { participantId: c.participantId, contactKind: c.contactKind },
      });
      return toContact(row);
    });
  }

  forParticipant(participantId: string): Promise<ContactAttempt[]> {
    return contactsOf(this.wp.db, participantId);
  }
}
