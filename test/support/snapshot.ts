import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src-main/db/schema';

/** Every row of every table, for "this changed nothing" assertions. */
export async function snapshot(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const tables = await sql<{
    name: string;
  }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(
    db,
  );
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) {
    out[name] = (await sql`SELECT * FROM ${sql.table(name)} ORDER BY rowid`.execute(db)).rows;
  }
  return out;
}
