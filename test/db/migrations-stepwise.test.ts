/**
 * Every migration, one step at a time, on a database that holds data: before each step N-1 → N,
 * every table has at least one row (seeded from the table's own columns and foreign keys, so a
 * migration added later is covered without editing this test); after the step every row is
 * still there with the same values in every column the two schemas share.
 */
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { openDatabase } from '../../src-main/db/open';
import { migrations } from '../../src-main/db/migrations';
import type { Database } from '../../src-main/db/schema';
import { tempDir } from '../support/temp-caseload';

const NAMES = Object.keys(migrations).sort();
const upTo = (last: string): Record<string, Migration> =>
  Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= last));

type Row = Record<string, unknown>;
interface Column {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

async function userTables(db: Kysely<Database>): Promise<string[]> {
  const r = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'
    AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name`.execute(db);
  return r.rows.map((t) => t.name);
}

async function dump(db: Kysely<Database>): Promise<Map<string, Row[]>> {
  const out = new Map<string, Row[]>();
  for (const table of await userTables(db))
    out.set(table, (await sql<Row>`SELECT * FROM ${sql.table(table)}`.execute(db)).rows);
  return out;
}

/** A value of the column's type; a foreign key takes the first row of the table it names. */
async function valueFor(
  db: Kysely<Database>,
  table: string,
  column: Column,
  references: Map<string, { table: string; to: string }>,
): Promise<unknown> {
  const ref = references.get(column.name);
  if (ref) {
    if (ref.table === table) return null; // a self-reference (reprint_of): none yet
    const r =
      await sql<Row>`SELECT ${sql.ref(ref.to)} AS v FROM ${sql.table(ref.table)} LIMIT 1`.execute(
        db,
      );
    return r.rows[0]?.v ?? null;
  }
  if (!column.notnull && !column.pk) return null;
  if (/INT|REAL|NUM/i.test(column.type)) return 1;
  if (
    /(^|_)(body|data|payload|snapshot|detail|errors|hours|closures|content|equipment|formats|patterns|sessions)$/.test(
      column.name,
    )
  )
    return '{}';
  return `${table}.${column.name}`;
}

/** One row in every table that has none, so every step migrates real data. */
async function seedEmptyTables(db: Kysely<Database>): Promise<void> {
  // Tables without foreign keys first, so references find a row.
  const tables = await userTables(db);
  const fks = new Map<string, Map<string, { table: string; to: string }>>();
  for (const t of tables) {
    const r = await sql<{ from: string; table: string; to: string | null }>`
      SELECT "from", "table", "to" FROM pragma_foreign_key_list(${t})`.execute(db);
    fks.set(t, new Map(r.rows.map((f) => [f.from, { table: f.table, to: f.to ?? 'id' }])));
  }
  const hasRows = async (table: string) =>
    Number(
      (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)).rows[0]!
        .n,
    ) > 0;
  // A table is seeded once every table it references has a row (parents before children).
  let pending = [];
  for (const t of tables) if (!(await hasRows(t))) pending.push(t);
  while (pending.length > 0) {
    const waiting: string[] = [];
    for (const table of pending) {
      const parents = [...fks.get(table)!.values()].map((r) => r.table).filter((t) => t !== table);
      const ready = (await Promise.all(parents.map(hasRows))).every(Boolean);
      if (!ready) {
        waiting.push(table);
        continue;
      }
      const columns = (
        await sql<Column>`SELECT name, type, "notnull", pk FROM pragma_table_info(${table})`.execute(
          db,
        )
      ).rows;
      const values: unknown[] = [];
      for (const c of columns) values.push(await valueFor(db, table, c, fks.get(table)!));
      await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c.name)))})
        VALUES (${sql.join(values)})`.execute(db);
    }
    if (waiting.length === pending.length) throw new Error(`Cannot order ${waiting.join(', ')}`);
    pending = waiting;
  }
}

const { dir, cleanup } = tempDir();
afterAll(() => cleanup());

describe('migrations, one step at a time', () => {
  it('keeps every row of every table through each step', { timeout: 120_000 }, async () => {
    const file = join(dir, 'stepwise caseload.db');
    const key = randomBytes(32);
    const first = await openDatabase({ file, key, migrations: upTo(NAMES[0]!) });
    await first.close();
    for (let n = 1; n < NAMES.length; n++) {
      const previous = await openDatabase({ file, key, migrations: upTo(NAMES[n - 1]!) });
      await seedEmptyTables(previous.db);
      const before = await dump(previous.db);
      await previous.close();

      const next = await openDatabase({ file, key, migrations: upTo(NAMES[n]!) });
      const done = await sql<{
        name: string;
      }>`SELECT name FROM kysely_migration ORDER BY name`.execute(next.db);
      expect(done.rows.map((r) => r.name)).toEqual(NAMES.slice(0, n + 1));
      const after = await dump(next.db);
      await next.close();
      for (const [table, rows] of before) {
        expect(rows.length, `${table} had rows before ${NAMES[n]}`).toBeGreaterThan(0);
        const kept = after.get(table);
        expect(kept, `${NAMES[n]} kept the table ${table}`).toBeDefined();
        for (const row of rows) {
          const shared = Object.keys(row).filter((c) => c in (kept![0] ?? {}));
          const pick = (r: Row) => JSON.stringify(shared.map((c) => r[c]));
          expect(kept!.map(pick), `${NAMES[n]} kept a row of ${table}`).toContain(pick(row));
        }
      }
    }
  });
});
