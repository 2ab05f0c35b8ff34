/**
 * Sync bookkeeping read per participant: the changes to a participant's records still waiting in
 * the outbox, its open conflicts and its quarantined changes. A change belongs to a participant
 * by the journal entry's record: the participant row itself, or any record naming its
 * `participant_id` (the same rule the pull uses to keep a participant's unpushed work).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/** SQL for the participant a change-journal entry `j` belongs to (null for other records). */
const participantOfEntry = sql<string | null>`CASE WHEN j.entity_type = 'participant'
  THEN j.entity_id ELSE json_extract(j.payload, '$.participant_id') END`;

export interface ParticipantSyncCounts {
  pending: number;
  pendingSince: string | null;
  conflicts: number;
  quarantined: { code: string; at: string }[];
}

/** What is outstanding for one participant: three small reads of the sync tables. */
export async function participantSyncCounts(
  db: Kysely<Database>,
  participantId: string,
): Promise<ParticipantSyncCounts> {
  const pending = await sql<{ n: number; since: string | null }>`
    SELECT count(*) AS n, min(j.created_at) AS since
      FROM sync_outbox o JOIN change_journal j ON j.id = o.journal_id
     WHERE ${participantOfEntry} = ${participantId}`.execute(db);
  // Conflicts to decide are about participant identity and contact fields only.
  const conflicts = await db
    .selectFrom('sync_conflicts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'open')
    .where('entity_type', '=', 'participant')
    .where('record_id', '=', participantId)
    .executeTakeFirstOrThrow();
  const quarantined = await sql<{ code: string; at: string }>`
    SELECT q.code, q.quarantined_at AS at
      FROM sync_quarantine q JOIN change_journal j ON j.id = q.journal_id
     WHERE ${participantOfEntry} = ${participantId}
     ORDER BY q.seq`.execute(db);
  return {
    pending: Number(pending.rows[0]?.n ?? 0),
    pendingSince: pending.rows[0]?.since ?? null,
    conflicts: Number(conflicts.n),
    quarantined: quarantined.rows,
  };
}

export interface ParticipantSyncMarker {
  participantId: string;
  pending: number;
  conflicts: number;
  quarantined: number;
}

/**
 * Every participant with something not yet settled with the service, in one grouped query (the
 * caseload table shows a marker per row without a query per row).
 */
export async function caseloadSyncMarkers(db: Kysely<Database>): Promise<ParticipantSyncMarker[]> {
  const r = await sql<{ pid: string; pending: number; conflicts: number; quarantined: number }>`
    SELECT pid, sum(pending) AS pending, sum(conflicts) AS conflicts,
           sum(quarantined) AS quarantined
      FROM (
        SELECT ${participantOfEntry} AS pid, 1 AS pending, 0 AS conflicts, 0 AS quarantined
          FROM sync_outbox o JOIN change_journal j ON j.id = o.journal_id
        UNION ALL
        SELECT record_id, 0, 1, 0 FROM sync_conflicts
         WHERE status = 'open' AND entity_type = 'participant'
        UNION ALL
        SELECT ${participantOfEntry}, 0, 0, 1
          FROM sync_quarantine q JOIN change_journal j ON j.id = q.journal_id)
     WHERE pid IS NOT NULL
     GROUP BY pid`.execute(db);
  return r.rows.map((row) => ({
    participantId: row.pid,
    pending: Number(row.pending),
    conflicts: Number(row.conflicts),
    quarantined: Number(row.quarantined),
  }));
}
