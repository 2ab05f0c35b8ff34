/**
 * Referral imports ↔ their progress, and the queries the import service runs. Functions take the
 * db (or a transaction) first.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, ReferralImportTable } from '../schema';
import type { ImportProgress, ImportRowError } from '@shared/ipc/channels/import';

export function toProgress(r: Selectable<ReferralImportTable>): ImportProgress {
  return {
    importId: r.id,
    state: r.state as ImportProgress['state'],
    total: r.total,
    processed: r.processed,
    imported: r.imported,
    duplicates: r.duplicates,
    failed: r.failed,
  };
}

export async function insertImport(
  db: Kysely<Database>,
  row: Insertable<ReferralImportTable>,
): Promise<void> {
  await db.insertInto('referral_imports').values(row).execute();
}

export async function importProgress(
  db: Kysely<Database>,
  importId: string,
): Promise<ImportProgress | null> {
  const r = await db
    .selectFrom('referral_imports')
    .selectAll()
    .where('id', '=', importId)
    .executeTakeFirst();
  return r ? toProgress(r) : null;
}

/** The rows the file could not import, or null when there is no such import. */
export async function importErrors(
  db: Kysely<Database>,
  importId: string,
): Promise<ImportRowError[] | null> {
  const r = await db
    .selectFrom('referral_imports')
    .select('errors')
    .where('id', '=', importId)
    .executeTakeFirst();
  return r ? (JSON.parse(r.errors) as ImportRowError[]) : null;
}

export async function runningImportIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('referral_imports')
    .select('id')
    .where('state', '=', 'running')
    .execute();
  return rows.map((r) => r.id);
}

/** Ends an import: finished, cancelled or failed (also one the app was killed in the middle of). */
export async function endImport(
  db: Kysely<Database>,
  importId: string,
  state: ImportProgress['state'],
  at: string,
): Promise<void> {
  await db
    .updateTable('referral_imports')
    .set({ state, finished_at: at })
    .where('id', '=', importId)
    .execute();
}

/** Adds one batch's counts to the import's running totals. */
export async function addBatchCounts(
  db: Kysely<Database>,
  importId: string,
  counts: { processed: number; imported: number; duplicates: number },
): Promise<void> {
  await db
    .updateTable('referral_imports')
    .set((eb) => ({
      processed: eb('processed', '+', counts.processed),
      imported: eb('imported', '+', counts.imported),
      duplicates: eb('duplicates', '+', counts.duplicates),
    }))
    .where('id', '=', importId)
    .execute();
}
