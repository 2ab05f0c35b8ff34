/**
 * Participants held on this device after leaving its scope (pull.ts marks them): the service
 * reallocated them while this device still had changes about them that the service refused or
 * had not yet received. Those changes are the adviser's work and are never dropped silently
 * (sync design G1), so the participant stays until the adviser, having seen why each change was
 * refused, discards them here. Discarding is explicit and audited; only then does a held
 * participant leave this computer, as a reallocation would otherwise have done (G5, I7).
 */
import { sql } from 'kysely';
import { AppError } from '../errors';
import type { WritePath } from '../write-path/write-path';
import { rawHandleOf, prepared } from '../db/raw-handle';
import { ENTITIES, PARTICIPANT_TYPES_CHILDREN_FIRST, withoutPlanVersionGuard } from './entities';

/** SQL for the participant a change-journal entry `j` belongs to (as pull.ts reads it). */
const participantOfEntry = sql<string | null>`CASE WHEN j.entity_type = 'participant'
  THEN j.entity_id ELSE json_extract(j.payload, '$.participant_id') END`;

export interface DiscardResult {
  /** Refused changes discarded. */
  discarded: number;
  /** The participant left this computer (they were held only for these changes). */
  removed: boolean;
}

/**
 * Discards the participant's refused changes. The change journal keeps each change as it was
 * made (the audit trail); only the quarantine entry, which kept it in front of the adviser, goes.
 * A held participant with no change still waiting to be sent then leaves this computer, in the
 * same transaction.
 */
export async function discardRefused(wp: WritePath, participantId: string): Promise<DiscardResult> {
  const raw = rawHandleOf(wp.db);
  const result = await wp.unjournalledTransaction(async (w) => {
    const trx = w.trx;
    const present = await trx
      .selectFrom('participants')
      .select('id')
      .where('id', '=', participantId)
      .executeTakeFirst();
    if (!present) throw new AppError('not-found', 'That participant was not found');
    const refused = (
      await sql<{ seq: number }>`SELECT q.seq FROM sync_quarantine q
        JOIN change_journal j ON j.id = q.journal_id
       WHERE ${participantOfEntry} = ${participantId}`.execute(trx)
    ).rows.map((r) => r.seq);
    if (refused.length === 0)
      throw new AppError('refused', 'This participant has no refused changes to discard');
    await trx.deleteFrom('sync_quarantine').where('seq', 'in', refused).execute();
    const held = await trx
      .selectFrom('sync_held_participants')
      .select('participant_id')
      .where('participant_id', '=', participantId)
      .executeTakeFirst();
    const waiting = await sql<{ n: number }>`SELECT count(*) AS n FROM sync_outbox o
      JOIN change_journal j ON j.id = o.journal_id
     WHERE ${participantOfEntry} = ${participantId}`.execute(trx);
    const removed = !!held && Number(waiting.rows[0]?.n ?? 0) === 0;
    if (removed) {
      // As a reallocation removes them (pull.ts): every synced record of the participant,
      // children first, with what this device remembered of the server's copies.
      withoutPlanVersionGuard(raw, () => {
        for (const type of PARTICIPANT_TYPES_CHILDREN_FIRST) {
          const spec = ENTITIES[type]!;
          const column = type === 'participant' ? 'id' : 'participant_id';
          prepared(raw, `DELETE FROM "${spec.table}" WHERE "${column}" = ?`).run(participantId);
        }
      });
      await trx
        .deleteFrom('sync_held_participants')
        .where('participant_id', '=', participantId)
        .execute();
    }
    await w.audit('sync.discard-refused', 'participant', participantId, {
      discarded: refused.length,
      removed,
    });
    return { discarded: refused.length, removed };
  });
  wp.changedOutsideJournal();
  return result;
}
