/**
 * Travel claims per meeting (R12): mode, amount in pence, whether the receipt was seen, and the
 * claimed → approved → paid (or rejected) states of src-shared/domain/travel-claims.ts.
 */
import { v7 as uuidv7 } from 'uuid';
import { claimsOf, toClaim } from '../../db/repositories/caseload-records';
import { AppError, notFound } from '../../errors';
import type { WritePath } from '../../write-path/write-path';
import { addTimelineEvent } from './participants';
import { londonDate } from '@shared/domain/identity/civil-date';
import { formatPence, transitionClaim } from '@shared/domain/travel-claims';
import type {
  claimStatusChangeSchema,
  travelClaimSchema,
  TravelClaim,
} from '@shared/schemas/meeting';
import type { z } from 'zod';

export class TravelClaimService {
  constructor(private readonly wp: WritePath) {}

  /** `c` has passed `travelClaimSchema` at the boundary (the IPC router). */
  async claim(c: z.output<typeof travelClaimSchema>): Promise<TravelClaim> {
    return this.wp.transaction(async (w) => {
      const a = await w.trx
        .selectFrom('appointments')
        .select(['participant_id', 'outcome', 'start'])
        .where('id', '=', c.appointmentId)
        .executeTakeFirst();
      if (!a) throw new AppError('not-found', 'That appointment was not found', 'appointmentId');
      if (a.outcome !== 'attended')
        throw new AppError(
          'refused',
          'Travel is claimed for a meeting the participant attended; log the meeting first',
          'appointmentId',
        );
      const at = w.now.toISOString();
      const row = {
        id: uuidv7(),
        participant_id: a.participant_id,
        appointment_id: c.appointmentId,
        mode: c.mode,
        amount_pence: c.amountPence,
        receipt_seen: c.receiptSeen ? 1 : 0,
        status: 'claimed',
        reason: '',
        claimed_on: londonDate(w.now),
        version: 1,
        created_at: at,
        updated_at: at,
      };
      await w.trx.insertInto('travel_claims').values(row).execute();
      await w.record({
        entityType: 'travel_claim',
        entityId: row.id,
        op: 'insert',
        payload: row,
        action: 'travel-claim.create',
        detail: { participantId: a.participant_id, appointmentId: c.appointmentId },
      });
      await addTimelineEvent(w, {
        participantId: a.participant_id,
        kind: 'travel-claim',
        date: row.claimed_on,
        summary: `Travel claim of ${formatPence(c.amountPence)} (${c.mode}) for the meeting on ${a.start.slice(0, 10)}: claimed`,
        data: { claimId: row.id, appointmentId: c.appointmentId, status: 'claimed' },
      });
      return toClaim(row);
    });
  }

  async setStatus(change: z.output<typeof claimStatusChangeSchema>): Promise<TravelClaim> {
    return this.wp.transaction(async (w) => {
      const before = await w.trx
        .selectFrom('travel_claims')
        .selectAll()
        .where('id', '=', change.claimId)
        .executeTakeFirst();
      if (!before) throw notFound('That claim');
      if (before.version !== change.expectedVersion)
        throw new AppError('conflict', 'The claim was changed elsewhere. Reload it and try again.');
      const current = toClaim(before);
      const next = transitionClaim(current, {
        to: change.status,
        receiptSeen: change.receiptSeen,
        reason: change.reason,
      });
      if (!next.ok)
        throw new AppError(
          next.field === 'status' ? 'refused' : 'invalid-input',
          next.problem,
          next.field,
        );
      const after = {
        ...before,
        status: next.state.status,
        receipt_seen: next.state.receiptSeen ? 1 : 0,
        reason: change.status === 'rejected' ? change.reason : before.reason,
        version: before.version + 1,
        updated_at: w.now.toISOString(),
      };
      await w.trx.updateTable('travel_claims').set(after).where('id', '=', before.id).execute();
      await w.record({
        entityType: 'travel_claim',
        entityId: before.id,
        op: 'update',
        payload: after,
        action: `travel-claim.${change.status}`,
        detail: { participantId: before.participant_id, from: before.status, to: change.status },
      });
      await addTimelineEvent(w, {
        participantId: before.participant_id,
        kind: 'travel-claim',
        date: londonDate(w.now),
        summary: `Travel claim of ${formatPence(before.amount_pence)}: ${change.status}${change.status === 'rejected' ? ` (${change.reason})` : ''}`,
        data: { claimId: before.id, appointmentId: before.appointment_id, status: change.status },
      });
      return toClaim(after);
    });
  }

  forParticipant(participantId: string): Promise<TravelClaim[]> {
    return claimsOf(this.wp.db, participantId);
  }
}
