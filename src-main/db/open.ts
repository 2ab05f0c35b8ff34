/**
 * Opens the encrypted caseload. Order matters (Signal's Server.node.ts): cipher and key first,
 * then a read that proves the key, then WAL, synchronous and foreign keys, then migrations.
 */
import { hkdfSync } from 'node:crypto';
import { chmodSync, closeSync, copyFileSync, existsSync, openSync, statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import type { Database } from './schema';
import { migrations as allMigrations } from './migrations';
import { AppError } from '../errors';
import { registerRawHandle } from './raw-handle';
import { DURABLE_SYNCHRONOUS } from './durability';

/**
 * AEGIS-256 (sqlite3mc's 'aegis'): authenticated like ChaCha20-Poly1305, and the fastest cipher
 * sqlite3mc offers on a write-heavy workload here — within 3% of plaintext, against 42% for
 * chacha20 and 33% for the unauthenticated AES-CBC ciphers (README, "Choices"; bench P5).
 */
export const CIPHER = 'aegis';

export interface OpenedDatabase {
  db: Kysely<Database>;
  raw: SqliteDatabase.Database;
  file: string;
  /** HKDF of the database key: authenticates the audit chain head kept beside the file. */
  auditKey: Buffer;
  close(): Promise<void>;
}

export interface OpenOptions {
  file: string;
  /** The raw 32-byte database key. */
  key: Buffer;
  /** Tests only: the migration list to run (to build an older schema). */
  migrations?: Record<string, Migration>;
  /** Plaintext, for the P5 baseline benchmark only. */
  plaintext?: boolean;
}

function applyKey(raw: SqliteDatabase.Database, key: Buffer): void {
  raw.pragma(`cipher='${CIPHER}'`);
  raw.pragma(`hexkey='${key.toString('hex')}'`);
}

/**
 * The caseload is readable by its owner only (0600). SQLite creates a new database with the
 * process's default mode (usually 0644) and gives the WAL and SHM the main file's mode, so the
 * file is made here first; one an older version left readable by others is tightened.
 */
function ownerOnly(file: string): void {
  if (file === ':memory:' || file === '') return;
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
}

/** Opens the file and checks the key; throws wrong-passphrase when the key does not fit. */
export function openRaw(file: string, key: Buffer, plaintext = false): SqliteDatabase.Database {
  ownerOnly(file);
  const raw = new SqliteDatabase(file);
  try {
    if (!plaintext) applyKey(raw, key);
    raw.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    raw.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new AppError('wrong-passphrase', 'The caseload could not be decrypted with this key');
    }
    throw error;
  }
  raw.pragma('journal_mode = WAL');
  // FULL: a committed change survives power loss too (the sync design's G1 starts here).
  raw.pragma(`synchronous = ${DURABLE_SYNCHRONOUS}`);
  raw.pragma('foreign_keys = ON');
  // Sorts and temporary tables stay in memory: a temp file would be written unencrypted.
  raw.pragma('temp_store = MEMORY');
  raw.pragma('busy_timeout = 5000');
  return raw;
}

function executedMigrations(raw: SqliteDatabase.Database): string[] {
  const table = raw
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='kysely_migration'")
    .get();
  if (!table) return [];
  return (
    raw.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]
  ).map((r) => r.name);
}

export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  const existed = existsSync(options.file);
  const raw = openRaw(options.file, options.key, options.plaintext);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  registerRawHandle(db, raw);
  const auditKey = Buffer.from(
    hkdfSync('sha256', options.key, 'waymark', 'waymark audit anchor v1', 32),
  );
  const close = async () => {
    auditKey.fill(0);
    await db.destroy(); // closes raw too
  };
  try {
    const migrations = options.migrations ?? allMigrations;
    const done = executedMigrations(raw);
    const unknown = done.filter((name) => !(name in allMigrations));
    if (unknown.length > 0) {
      throw new AppError(
        'refused',
        `This caseload was saved by a newer version of Waymark (schema ${unknown.at(-1)}). ` +
          'Install the newer version to open it; this version has not changed the file.',
      );
    }
    const pending = Object.keys(migrations).filter((name) => !done.includes(name));
    if (existed && done.length > 0 && pending.length > 0) {
      // A copy before migrating, so a failed or faulty migration can never cost saved work.
      raw.pragma('wal_checkpoint(TRUNCATE)');
      copyFileSync(options.file, `${options.file}.before-${pending[0]}.bak`);
    }
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const { error } = await migrator.migrateToLatest();
    if (error) {
      throw new AppError(
        'refused',
        `The caseload could not be upgraded (${(error as Error).message}). The file was left as it was.`,
      );
    }
    return { db, raw, file: options.file, auditKey, close };
  } catch (error) {
    await close();
    throw error;
  }
}
