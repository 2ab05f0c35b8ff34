/**
 * Central erasure: a manager's erasure (delete) or anonymising of a participant, pushed by their
 * device as a `participant_erasure` mutation (src-shared/sync/erasure.ts), applied inside the
 * push transaction so the purge, the marker, the audit row and the ledger row commit together.
 *
 * - Roles are enforced here, at the server boundary: the pushing device's user must be a manager
 *   in the central organisation model. A device's own idea of its role is not trusted.
 * - A legal hold in force (a `legal_hold` record of the participant with no `lifted_at`) refuses
 *   it, as the device's retention service does.
 * - delete: every record of the participant goes (rows, not tombstones: a tombstone keeps the
 *   row), with the payloads of refused or conflicting mutations kept in the ledger, the conflict
 *   log rows, the report facts and the allocations. Every adviser who had the participant in
 *   scope gets a removal (reason `erased`) for each record, and their device erases them.
 * - anonymise: every record is rewritten with the shared anonymised values, with new positions,
 *   so every device in scope pulls the anonymised copies.
 * - The marker (`erasures`) keeps a SHA-256 of the id, what was done, when and by whom; the audit
 *   row the same. A later mutation about an erased participant from any device is refused, its
 *   data not kept, so an offline cover laptop cannot bring the person back.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  anonymisedRow,
  ERASURE_ENTITY,
  erasureDataSchema,
  participantHashInput,
  type ErasureData,
} from '@shared/sync/erasure';
import type { Mutation, PushRequest, PushResponse } from '@shared/sync/protocol';
import type { CentralDatabase } from '../db/schema';
import type { AuthedDevice } from '../org/devices';

export const participantHash = (id: string) =>
  createHash('sha256').update(participantHashInput(id)).digest('hex');

export interface StoredRow {
  entity_type: string;
  entity_id: string;
  data: Record<string, unknown>;
  version: number;
  deleted: boolean;
  adviser_id?: string | null;
  field_hlc?: unknown;
  field_version?: unknown;
}

export type ErasureCheck =
  { ok: true; data: ErasureData } | { ok: false; code: string; message: string };

/**
 * The organisation's participant whose hash this is. The device names the participant by hash
 * (its journal must not keep the id of someone erased), so the server hashes its own ids.
 */
export async function participantByHash(
  trx: Transaction<CentralDatabase>,
  organisationId: string,
  hash: string,
): Promise<string | null> {
  const prefix = participantHashInput('');
  const row = await trx
    .selectFrom('records')
    .select('entity_id')
    .where('organisation_id', '=', organisationId)
    .where('entity_type', '=', 'participant')
    .where(
      sql<string>`encode(sha256(convert_to(${prefix} || entity_id, 'UTF8')), 'hex')`,
      '=',
      hash,
    )
    .executeTakeFirst();
  return row?.entity_id ?? null;
}

/** The participant ids among these that were erased centrally (by hash). */
export async function erasedAmong(
  trx: Transaction<CentralDatabase>,
  organisationId: string,
  participantIds: Iterable<string>,
): Promise<Set<string>> {
  const byHash = new Map([...participantIds].map((id) => [participantHash(id), id]));
  if (byHash.size === 0) return new Set();
  const rows = await trx
    .selectFrom('erasures')
    .select('participant_hash')
    .where('organisation_id', '=', organisationId)
    .where('participant_hash', 'in', [...byHash.keys()])
    .where('action', '=', 'delete')
    .execute();
  return new Set(rows.map((r) => byHash.get(r.participant_hash)!));
}

/** Whether this device may erase this participant now (role, organisation, legal hold). */
export async function checkErasure(
  trx: Transaction<CentralDatabase>,
  device: AuthedDevice,
  m: Mutation,
  /** The participant the hash names in this organisation (null: none known here). */
  participantId: string | null,
  /** Legal-hold records of this participant changed earlier in the same push. */
  pendingHolds: StoredRow[],
): Promise<ErasureCheck> {
  const data = erasureDataSchema.safeParse(m.data);
  if (!data.success || m.op === 'delete')
    return { ok: false, code: 'invalid', message: 'An erasure must say what to do' };
  const user = await trx
    .selectFrom('users')
    .select('role')
    .where('id', '=', device.userId)
    .executeTakeFirst();
  if (user?.role !== 'manager')
    return {
      ok: false,
      code: 'forbidden',
      message: 'Only a manager can erase or anonymise a participant’s records',
    };
  const stored = await trx
    .selectFrom('records')
    .select(['entity_id', 'data', 'deleted'])
    .where('organisation_id', '=', device.organisationId)
    .where('participant_id', '=', participantId ?? '')
    .where('entity_type', '=', 'legal_hold')
    .execute();
  const holds = new Map(stored.map((h) => [h.entity_id, h]));
  for (const h of pendingHolds) holds.set(h.entity_id, h);
  const inForce = [...holds.values()].some(
    (h) => !h.deleted && (h.data as { lifted_at?: unknown }).lifted_at == null,
  );
  if (inForce)
    return {
      ok: false,
      code: 'legal_hold',
      message:
        'These records are under a legal hold (UK GDPR Art. 17(3)(e)); lift the hold before erasing them',
    };
  return { ok: true, data: data.data };
}

/** Every record of the participant, locked. */
export async function participantRecords(
  trx: Transaction<CentralDatabase>,
  organisationId: string,
  participantId: string,
): Promise<StoredRow[]> {
  return trx
    .selectFrom('records')
    .select([
      'entity_type',
      'entity_id',
      'data',
      'version',
      'deleted',
      'adviser_id',
      'field_hlc',
      'field_version',
    ])
    .where('organisation_id', '=', organisationId)
    .where('participant_id', '=', participantId)
    .orderBy('entity_type')
    .orderBy('entity_id')
    .forUpdate()
    .execute();
}

/** The anonymised copy of a stored record (a plan draft becomes a deletion). */
export function anonymise(row: StoredRow, participantId: string): StoredRow {
  const tag = participantHash(participantId).slice(0, 12);
  const data = anonymisedRow(row.entity_type, row.data, tag);
  return data === null
    ? { ...row, data: {}, deleted: true, version: row.version + 1 }
    : { ...row, data, version: row.version + 1 };
}

/**
 * Purges what else the central store holds about the participant's records: refused or
 * conflicting payloads in the ledger, lost values in the conflict log, and (delete) the records,
 * report facts and allocations. Returns the advisers who had the participant in scope.
 */
export async function purge(
  trx: Transaction<CentralDatabase>,
  organisationId: string,
  participantId: string,
  recordIds: string[],
  action: ErasureData['action'],
): Promise<string[]> {
  if (participantId === '') throw new Error('purge needs a participant id');
  const ids = [...new Set([participantId, ...recordIds])];
  const advisers = (
    await trx
      .selectFrom('allocations')
      .select('adviser_id')
      .distinct()
      .where('participant_id', '=', participantId)
      .where('to_date', 'is', null)
      .execute()
  ).map((a) => a.adviser_id);
  await trx
    .updateTable('mutation_ledger')
    .set({ payload: null })
    .where('payload', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('entity_id', 'in', ids),
        sql<boolean>`strpos(payload::text, ${participantId}) > 0`,
      ]),
    )
    .execute();
  await trx.deleteFrom('conflict_log').where('entity_id', 'in', ids).execute();
  if (action === 'delete') {
    await trx
      .deleteFrom('records')
      .where('organisation_id', '=', organisationId)
      .where('participant_id', '=', participantId)
      .execute();
    await trx
      .deleteFrom('report_obligations')
      .where('participant_id', '=', participantId)
      .execute();
    await trx
      .deleteFrom('report_participants')
      .where('participant_id', '=', participantId)
      .execute();
    await trx.deleteFrom('allocations').where('participant_id', '=', participantId).execute();
  }
  return advisers;
}

/** The marker and the audit row: a hash, the action, who and when; nothing about the person. */
export async function markErased(
  trx: Transaction<CentralDatabase>,
  device: AuthedDevice,
  hash: string,
  action: ErasureData['action'],
  counts: { records: number; devicesNotified: number },
  at: string,
): Promise<void> {
  await trx
    .insertInto('erasures')
    .values({
      organisation_id: device.organisationId,
      participant_hash: hash,
      action,
      erased_at: at,
      erased_by: device.userId,
      device_id: device.id,
    })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'participant_hash']).doUpdateSet({
        action,
        erased_at: at,
        erased_by: device.userId,
        device_id: device.id,
      }),
    )
    .execute();
  await trx
    .insertInto('audit_log')
    .values({
      organisation_id: device.organisationId,
      at,
      actor: `user ${device.userId} (device ${device.id})`,
      action: `participant.${action === 'delete' ? 'erase' : 'anonymise'}`,
      entity_type: 'participant',
      entity_id: hash,
      detail: JSON.stringify({ records: counts.records, advisers: counts.devicesNotified }),
    })
    .execute();
}

/**
 * The tables an erasure deletes from or rewrites (purge above). PostgreSQL's DELETE and UPDATE
 * leave the old row versions in the table's pages (and its TOAST table) until they are vacuumed,
 * so the person's details would still be in the data files, readable by anyone with file access
 * or a copy of them, until autovacuum happened to reach these tables.
 */
export const ERASURE_TABLES = [
  'records',
  'mutation_ledger',
  'conflict_log',
  'report_obligations',
  'report_participants',
  'allocations',
] as const;

/** Whether a push applied an erasure or anonymising (a re-sent one counts: vacuum is harmless). */
export function erasureApplied(req: PushRequest, res: PushResponse): boolean {
  const erasures = new Set(
    req.mutations.filter((m) => m.entity === ERASURE_ENTITY).map((m) => m.seq),
  );
  return res.results.some((r) => erasures.has(r.seq) && r.status === 'applied');
}

/**
 * VACUUM FULL after an erasure's transaction has committed (VACUUM cannot run inside one).
 * Plain VACUUM is not enough: it prunes the dead row versions, but a page whose rows all went,
 * or the stretch of a page freed when the rest are compacted, keeps the old bytes until new rows
 * happen to be written there (central-erasure.test.ts reads the data files and finds them). FULL
 * writes each table afresh without them and removes the old files. Its cost: an exclusive lock on
 * each table while it is rewritten, so pushes and pulls wait (each table in turn; seconds at the
 * sizes the README measures); erasures are rare, deliberate manager actions, and devices retry.
 * Row versions a transaction still open at that moment could see are kept until the next vacuum.
 * The write-ahead log, archived WAL and backups still hold earlier copies (README, privacy). The
 * embedded store (PGlite) runs the same statement.
 */
export async function vacuumAfterErasure(db: Kysely<CentralDatabase>): Promise<void> {
  for (const t of ERASURE_TABLES) await sql`vacuum full ${sql.table(t)}`.execute(db);
}

interface VacuumRun {
  done: Promise<void>;
  again: boolean;
}
const runs = new WeakMap<Kysely<CentralDatabase>, VacuumRun>();

/**
 * Starts the vacuum in the background, after the push has answered: a long rewrite must not make
 * the device's request time out and be retried. One run per store at a time; erasures arriving
 * meanwhile make it run once more, so a burst of them costs at most two.
 */
export function scheduleVacuumAfterErasure(
  db: Kysely<CentralDatabase>,
  onError: (error: unknown) => void,
): void {
  const running = runs.get(db);
  if (running) {
    running.again = true;
    return;
  }
  const run: VacuumRun = { done: Promise.resolve(), again: true };
  runs.set(db, run);
  run.done = (async () => {
    while (run.again) {
      run.again = false;
      await vacuumAfterErasure(db).catch(onError);
    }
    runs.delete(db);
  })();
}

/** Resolves when no vacuum after an erasure is running on this store (server close, tests). */
export function vacuumsSettled(db: Kysely<CentralDatabase>): Promise<void> {
  return runs.get(db)?.done ?? Promise.resolve();
}
