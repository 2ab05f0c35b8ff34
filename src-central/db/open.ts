/**
 * Opens the central store: PGlite in a folder (zero set-up) or PostgreSQL through `pg`. Both run
 * the same migrations and return int8 as a JavaScript number, so no caller sees the difference.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import type { CentralDatabase } from './schema';
import { migrateToLatest } from './migrations';

export type StoreTarget = { data: string } | { database: string };

export interface Store {
  db: Kysely<CentralDatabase>;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** Another process (usually a running `serve`) holds this embedded store. */
export class StoreLockedError extends Error {
  readonly code = 'store_locked';
  constructor(dir: string) {
    super(
      `The central store in ${dir} is in use by another process (a running "central serve"?). ` +
        'Stop it first, or run this command against the server’s PostgreSQL database instead.',
    );
  }
}

const INT8_OID = 20;

/** int8 as a number, refusing a value a double cannot hold exactly rather than rounding it. */
export function int8ToNumber(value: string | number | bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError('int8 value outside the safe integer range');
  return n;
}

/** Normalises a count or bigint from either driver (string from raw pg, number from PGlite). */
export const toInt = (value: unknown): number =>
  typeof value === 'number' || typeof value === 'string' || typeof value === 'bigint'
    ? int8ToNumber(value)
    : 0;

/** A timestamptz from either driver as an ISO string. */
export const iso = (value: Date | string | null | undefined): string | null =>
  value == null ? null : new Date(value).toISOString();

/** The pg type parser set used by every pool: int8 → number, everything else as pg does it. */
export const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (v: string) => int8ToNumber(v)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export const pgliteDir = (dataDir: string) => join(resolve(dataDir), 'pgdata');

const LOCK_OPTIONS = {
  realpath: false,
  retries: 0,
  // Generous: PGlite's first start blocks the event loop for seconds on a busy machine, and a
  // late refresh must not count as a lost lock. A crashed holder is detected by its pid instead.
  stale: 60_000,
  update: 5_000,
};

const lockPath = (dir: string) => join(dir, 'central.lock');
const pidFile = (dir: string) => join(dir, 'central.pid');

function holderIsGone(dir: string): boolean {
  let pid: number;
  try {
    const [host, p] = readFileSync(pidFile(dir), 'utf8').trim().split(' ');
    if (host !== hostname()) return false;
    pid = Number(p);
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as { code?: string }).code === 'ESRCH';
  }
  // A killed process nobody has reaped yet (a zombie) still answers kill(0) but holds nothing.
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Takes the folder lock, or refuses at once (never waits) when another live process holds it. */
async function takeLock(dir: string): Promise<() => Promise<void>> {
  const attempt = () =>
    lockfile.lock(dir, {
      ...LOCK_OPTIONS,
      lockfilePath: lockPath(dir),
      onCompromised: () => {
        // Another process took the lock over: stop rather than be one of two writers.
        console.error('The central store lock was lost; stopping to protect the data.');
        process.exit(1);
      },
    });
  let release: () => Promise<void>;
  try {
    release = await attempt();
  } catch (e) {
    if ((e as { code?: string }).code !== 'ELOCKED') throw e;
    // The holder was killed (kill -9, power cut): its lock is stale at once, not after a minute.
    if (!holderIsGone(dir)) throw new StoreLockedError(dir);
    rmSync(lockPath(dir), { recursive: true, force: true });
    try {
      release = await attempt();
    } catch {
      throw new StoreLockedError(dir);
    }
  }
  writeFileSync(pidFile(dir), `${hostname()} ${process.pid}\n`);
  return async () => {
    rmSync(pidFile(dir), { force: true });
    await release();
  };
}

async function openPglite(dataDir: string, migrate: boolean): Promise<Store> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  // PGlite does not lock its folder: two processes on one folder lose acknowledged rows.
  const release = await takeLock(dir);
  try {
    const pglite = await PGlite.create(pgliteDir(dir), {
      parsers: { [INT8_OID]: (v: string) => int8ToNumber(v) },
    });
    const db = new Kysely<CentralDatabase>({ dialect: new PGliteDialect({ pglite }) });
    if (migrate) await migrateToLatest(db as Kysely<unknown>);
    return {
      db,
      kind: 'pglite',
      async close() {
        try {
          await db.destroy();
        } finally {
          await release();
        }
      },
    };
  } catch (e) {
    await release();
    throw e;
  }
}

async function openPostgres(url: string, migrate: boolean, poolSize: number): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = new Kysely<CentralDatabase>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (migrate) await migrateToLatest(db as Kysely<unknown>);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return { db, kind: 'postgres', close: () => db.destroy() };
}

export interface OpenOptions {
  /** Run pending migrations first (default true). */
  migrate?: boolean;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
}

export function openStore(target: StoreTarget, options: OpenOptions = {}): Promise<Store> {
  const migrate = options.migrate ?? true;
  return 'data' in target
    ? openPglite(target.data, migrate)
    : openPostgres(target.database, migrate, options.poolSize ?? 10);
}
