/** Saved charter-profile copies ↔ domain objects, and their queries. Functions take the db first. */
import type { Kysely, Selectable } from 'kysely';
import type { CharterProfileTable, Database } from '../schema';
import { charterProfileSchema } from '@shared/domain/charter/profile';
import type { CopyVersions, ProfileCopyVersion } from '@shared/domain/charter/governing-profile';

export type CopyRow = Selectable<CharterProfileTable>;

export function toCopyVersion(row: CopyRow): ProfileCopyVersion {
  // Stored bodies were validated on save; parsing again keeps a hand-edited file from slipping in.
  return {
    id: row.id,
    version: row.version,
    basedOn: row.based_on,
    savedAt: row.saved_at,
    savedBy: row.saved_by,
    profile: charterProfileSchema.parse(JSON.parse(row.body)),
  };
}

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
  const out = new Map<string, ProfileCopyVersion[]>();
  for (const row of rows) {
    const list = out.get(row.id);
    if (list) list.push(toCopyVersion(row));
    else out.set(row.id, [toCopyVersion(row)]);
  }
  return out;
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
