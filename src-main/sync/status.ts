/**
 * What the device can truthfully say about sync, read from the database alone (never from a
 * cached flag): how many changes are waiting and since when, open conflicts, quarantined changes,
 * when it last synced cleanly, the last failure, and the clock.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ENTITIES } from './entities';
import { skewMessage } from './clock';
import { readState } from './state';

export interface SyncSummary {
  enrolled: boolean;
  serverUrl: string | null;
  adviserName: string | null;
  organisationName: string | null;
  pending: number;
  /** When the oldest waiting change was made (ISO), or null. */
  pendingSince: string | null;
  conflicts: number;
  quarantined: number;
  lastSyncedAt: string | null;
  lastAttemptAt: string | null;
  /** Plain-English reason the last attempt failed, or null. */
  problem: string | null;
  problemCode: string | null;
  revoked: boolean;
  clockMessage: string | null;
}

/** Enrolled: the device has its id and token (the one test, for the summary and for unlock). */
export const isEnrolled = (state: { device_id: string | null; token: string | null }): boolean =>
  Boolean(state.device_id && state.token);

export async function syncSummary(db: Kysely<Database>): Promise<SyncSummary> {
  const state = await readState(db);
  const r = await sql<{
    pending: number;
    since: string | null;
    conflicts: number;
    quarantined: number;
  }>`SELECT
      (SELECT count(*) FROM sync_outbox) AS pending,
      (SELECT min(j.created_at) FROM sync_outbox o JOIN change_journal j ON j.id = o.journal_id) AS since,
      (SELECT count(*) FROM sync_conflicts WHERE status = 'open') AS conflicts,
      (SELECT count(*) FROM sync_quarantine) AS quarantined`.execute(db);
  const c = r.rows[0]!;
  return {
    enrolled: isEnrolled(state),
    serverUrl: state.server_url,
    adviserName: state.adviser_name,
    organisationName: state.organisation_name,
    pending: Number(c.pending),
    pendingSince: c.since,
    conflicts: Number(c.conflicts),
    quarantined: Number(c.quarantined),
    lastSyncedAt: state.last_synced_at,
    lastAttemptAt: state.last_attempt_at,
    problem: state.last_error,
    problemCode: state.last_error_code,
    revoked: state.revoked === 1,
    clockMessage: state.device_id ? skewMessage(state.clock_offset_ms) : null,
  };
}

const keyExpr = (key: string[]) =>
  key.length === 1
    ? sql.ref(`t.${key[0]}`)
    : sql.join(
        key.map((k) => sql.ref(`t.${k}`)),
        sql` || '@' || `,
      );

/**
 * Per entity type, the live records this device holds in its sync scope: local rows the server
 * knows (a server version) or that are waiting to be pushed. Local rows that were never journalled
 * (the caseload's own set-up) are not in any scope. After a clean sync this equals the server's
 * `export --adviser` counts.
 */
export async function scopeCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [entity, spec] of Object.entries(ENTITIES)) {
    const key = keyExpr(spec.key);
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(spec.table)} AS t
      WHERE EXISTS (SELECT 1 FROM sync_record_versions v
                     WHERE v.entity_type = ${entity} AND v.entity_id = ${key})
         OR EXISTS (SELECT 1 FROM sync_outbox o JOIN change_journal j ON j.id = o.journal_id
                     WHERE j.entity_type = ${entity} AND j.entity_id = ${key})`.execute(db);
    const n = Number(r.rows[0]?.n ?? 0);
    if (n > 0) counts[entity] = n;
  }
  return counts;
}
