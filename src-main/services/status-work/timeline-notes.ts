/**
 * Nothing typed is hidden: the note an adviser typed with a contact, a life event or a meeting
 * is kept in that record's own table, so the timeline joins it back to the event it belongs to.
 * A meeting note marked special-category never travels with the timeline (every role reads
 * it): the entry says such a note exists, and the adviser reads it on the meetings page, whose
 * role filter (src-main/ipc/role-filters.ts) keeps it from other roles.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { TimelineEvent } from '@shared/schemas/participant';

export async function withNotes(
  db: Kysely<Database>,
  participantId: string,
  events: TimelineEvent[],
): Promise<TimelineEvent[]> {
  const [contacts, lifeEvents, meetings] = await Promise.all([
    db
      .selectFrom('contact_attempts')
      .select(['event_id', 'note'])
      .where('participant_id', '=', participantId)
      .execute(),
    db
      .selectFrom('life_events')
      .select(['event_id', 'note'])
      .where('participant_id', '=', participantId)
      .execute(),
    db
      .selectFrom('meeting_records')
      .select(['appointment_id', 'notes', 'notes_special_category'])
      .where('participant_id', '=', participantId)
      .execute(),
  ]);
  const byEvent = new Map<string, string>();
  for (const r of [...contacts, ...lifeEvents]) if (r.note?.trim()) byEvent.set(r.event_id, r.note);
  const byAppointment = new Map(meetings.map((m) => [m.appointment_id, m]));
  return events.map((e) => {
    if (e.kind === 'meeting' && typeof e.data.appointmentId === 'string') {
      const m = byAppointment.get(e.data.appointmentId);
      if (!m?.notes.trim()) return e;
      return m.notes_special_category === 1
        ? { ...e, note: null, noteHidden: true }
        : { ...e, note: m.notes };
    }
    const note = byEvent.get(e.id);
    return note ? { ...e, note } : e;
  });
}
