/**
 * Status follows the work: recording the first contact, booking the induction and attending it
 * move the participant along the lifecycle, so nothing is recorded twice and the agenda never
 * asks for a step already done. Only the next step is taken, and only from the status it
 * follows; anything else (a status the adviser has set by hand) is left alone, and the adviser
 * can still correct the status, with a reason, on the participant page.
 */
import type { ParticipantStatus } from '@shared/schemas/participant';
import type { Writer } from '../../write-path/write-path';
import type { ParticipantService } from './participants';

export type WorkDone = 'initial-contact' | 'induction-booked' | 'induction-attended';

const STEPS: Record<WorkDone, { from: ParticipantStatus; to: ParticipantStatus; note: string }> = {
  'initial-contact': { from: 'allocated', to: 'contacted', note: 'First contact recorded' },
  'induction-booked': { from: 'contacted', to: 'induction-booked', note: 'Induction booked' },
  'induction-attended': { from: 'induction-booked', to: 'started', note: 'Induction attended' },
};

/** The status this work moves a participant to, or null when it does not move them. */
export function statusAfter(current: string, work: WorkDone): ParticipantStatus | null {
  const step = STEPS[work];
  return current === step.from ? step.to : null;
}

/** Moves the status inside the caller's transaction when the work calls for it. */
export async function followWork(
  w: Writer,
  participants: ParticipantService | undefined,
  participantId: string,
  work: WorkDone,
  date: string,
): Promise<void> {
  if (!participants) return;
  const row = await w.trx
    .selectFrom('participants')
    .select('status')
    .where('id', '=', participantId)
    .executeTakeFirst();
  if (!row) return;
  const to = statusAfter(row.status, work);
  if (!to) return;
  await participants.changeStatusIn(w, {
    id: participantId,
    status: to,
    date,
    note: STEPS[work].note,
  });
}
