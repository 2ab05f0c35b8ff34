/**
 * Change positions (the pull cursor). Every writing transaction takes its positions from the
 * organisation's counter row as its LAST step: the row lock is then held only until commit, and a
 * later transaction can only take later positions after this one has committed. So positions
 * become visible in order with no holes, and a puller reading `change_seq > cursor` never skips a
 * row that commits late (a bigserial would be assigned before commit and can). The price: writes
 * of one organisation commit one at a time, which is fine at adviser volumes.
 */
import { sql, type Transaction } from 'kysely';
import type { CentralDatabase } from '../db/schema';

export interface RecordKey {
  entity_type: string;
  entity_id: string;
}

export interface Removal extends RecordKey {
  adviser_id: string;
  reason: string;
}

const CHUNK = 5000;

/**
 * Gives each record (in order) a new position and writes the removals after them. Call once, at
 * the end of the transaction, after every other write.
 */
export async function assignPositions(
  trx: Transaction<CentralDatabase>,
  organisationId: string,
  records: RecordKey[],
  removals: Removal[] = [],
): Promise<number> {
  const total = records.length + removals.length;
  if (total === 0) return 0;
  let next = await reservePositions(trx, organisationId, total);
  const end = next + total - 1;
  for (let i = 0; i < records.length; i += CHUNK) {
    const rows = records
      .slice(i, i + CHUNK)
      .map((r) => sql`(${r.entity_type}, ${r.entity_id}, ${next++}::bigint)`);
    await sql`update records as r set change_seq = v.seq
      from (values ${sql.join(rows)}) as v(t, id, seq)
      where r.entity_type = v.t and r.entity_id = v.id`.execute(trx);
  }
  for (let i = 0; i < removals.length; i += CHUNK) {
    await trx
      .insertInto('scope_removals')
      .values(
        removals.slice(i, i + CHUNK).map((r) => ({
          organisation_id: organisationId,
          change_seq: next++,
          adviser_id: r.adviser_id,
          entity_type: r.entity_type,
          entity_id: r.entity_id,
          reason: r.reason,
        })),
      )
      .execute();
  }
  return end;
}

/**
 * Takes `count` consecutive positions and returns the first. The counter row stays locked until
 * commit, so call it as the last step of the transaction (the writes that use the positions may
 * follow it, nothing else).
 */
export async function reservePositions(
  trx: Transaction<CentralDatabase>,
  organisationId: string,
  count: number,
): Promise<number> {
  const { last_seq: end } = await trx
    .updateTable('change_counters')
    .set((eb) => ({ last_seq: eb('last_seq', '+', count) }))
    .where('organisation_id', '=', organisationId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return end - count + 1;
}

/** The organisation's latest committed position. */
export async function headPosition(
  db: Transaction<CentralDatabase> | import('kysely').Kysely<CentralDatabase>,
  organisationId: string,
): Promise<number> {
  const row = await db
    .selectFrom('change_counters')
    .select('last_seq')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row?.last_seq ?? 0;
}
