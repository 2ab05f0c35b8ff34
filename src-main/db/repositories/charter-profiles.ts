/** Saved charter-profile copies ↔ domain objects, and their queries. Functions take the db first. */
import type { Kysely, Selectable } from 'kysely';
import type { CharterProfileTable, Database } from '../schema';
import { copyVersionFromRow, copyVersionsFromRows } from '@shared/domain/charter/copy-rows';
import type { CopyVersions, ProfileCopyVersion } from '@shared/domain/charter/governing-profile';

export type CopyRow = Selectable<CharterProfileTable>;

export const toCopyVersion = (row: CopyRow): ProfileCopyVersion => copyVersionFromRow(row);

/** Every saved version of every copy, oldest first per copy (the table holds a handful). */
export async function loadCopyVersions(
  db: Kysely<Database>,
): Promise<Map<string, ProfileCopyVersion[]>> {
  const rows = await db
    .selectFrom('charter_profiles')
    .selectAll()
    .orderBy('id')
    .orderBy('version')
    .execute();
  return copyVersionsFromRows(rows);
}

/** How many versions are saved: versions are never deleted, so a new count means a new save. */
export async function countCopyVersions(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('charter_profiles')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The latest version of each copy, from already loaded versions. */
export function latestVersions(copies: CopyVersions): ProfileCopyVersion[] {
  return [...copies.values()].map((versions) => versions.at(-1)!);
}

export async function latestCopyVersion(db: Kysely<Database>, id: string): Promise<number | null> {
  const last = await db
    .selectFrom('charter_profiles')
    .select(({ fn }) => fn.max('version').as('version'))
    .where('id', '=', id)
    .executeTakeFirst();
  return last?.version ?? null;
}

export async function copyExists(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('charter_profiles')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertCopyVersion(db: Kysely<Database>, row: CopyRow): Promise<void> {
  await db.insertInto('charter_profiles').values(row).execute();
}
