/**
 * The better-sqlite3 handle behind a caseload's Kysely instance, for the few bulk paths (sync's
 * page apply and push settle) where building and preparing a statement per row through Kysely
 * costs more than the write itself. Prepared statements are cached per SQL text. Callers use it
 * only inside a Kysely transaction or held connection: the dialect has one connection, so the
 * raw statements run inside that same SQLite transaction.
 */
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';

type Raw = SqliteDatabase.Database;
type Statement = SqliteDatabase.Statement;

const handles = new WeakMap<Kysely<unknown>, Raw>();
const statements = new WeakMap<Raw, Map<string, Statement>>();

/** Called once by openDatabase. */
export function registerRawHandle<T>(db: Kysely<T>, raw: Raw): void {
  handles.set(db as Kysely<unknown>, raw);
}

export function rawHandleOf<T>(db: Kysely<T>): Raw {
  const raw = handles.get(db as Kysely<unknown>);
  if (!raw) throw new Error('This database was not opened by openDatabase');
  return raw;
}

/** A prepared statement, cached for the handle's lifetime (SQL texts are few and fixed). */
export function prepared(raw: Raw, text: string): Statement {
  let cache = statements.get(raw);
  if (!cache) statements.set(raw, (cache = new Map()));
  let stmt = cache.get(text);
  if (!stmt) cache.set(text, (stmt = raw.prepare(text)));
  return stmt;
}
