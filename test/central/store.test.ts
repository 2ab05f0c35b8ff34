/**
 * The store's hazards: one migration set that yields the same schema on PGlite and PostgreSQL,
 * int8 as a number from both drivers, and PGlite's unlocked folder (a second process refused).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { int8ToNumber, openStore, StoreLockedError, type Store } from '../../src-central/db/open';
import { MIGRATIONS } from '../../src-central/db/migrations';
import type { CentralDatabase } from '../../src-central/db/schema';
import { sharedCluster, stopCluster } from './harness';

async function schemaOf(db: Kysely<CentralDatabase>) {
  const columns = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
  }>`
    select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
    where table_schema = 'public' order by table_name, column_name`.execute(db);
  const indexes = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname`.execute(
    db,
  );
  const constraints = await sql<{ conname: string; def: string }>`
    select conname, pg_get_constraintdef(oid) as def from pg_constraint
    where connamespace = 'public'::regnamespace and contype <> 'n' order by conname`.execute(db);
  // NOT NULL is compared through is_nullable: newer servers also list it as a constraint.
  return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows };
}

let dir: string;
let lite: Store;
let pgStore: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'waymark-store-'));
  lite = await openStore({ data: dir });
  const cluster = await sharedCluster();
  pgStore = await openStore({
    database: await cluster.createDatabase(`s_${randomBytes(5).toString('hex')}`),
  });
}, 180_000);
afterAll(async () => {
  await lite?.close();
  await pgStore?.close();
  await stopCluster();
  rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('produce the identical schema on PGlite and on PostgreSQL', async () => {
    const a = await schemaOf(lite.db);
    const b = await schemaOf(pgStore.db);
    expect(a.columns.length).toBeGreaterThan(60);
    expect(a).toEqual(b);
  });

  it('record every migration once and run again as a no-op', async () => {
    for (const store of [lite, pgStore]) {
      const done = await sql<{
        name: string;
      }>`select name from kysely_migration order by name`.execute(store.db);
      expect(done.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS).sort());
    }
  });
});

describe('int8', () => {
  it('comes back as a number from both drivers, counts included', async () => {
    for (const store of [lite, pgStore]) {
      const r = await sql<{ n: unknown; big: unknown; seq: unknown }>`
        select count(*) as n, 9007199254740991::int8 as big,
          (select last_seq from change_counters limit 1) as seq`.execute(store.db);
      expect(typeof r.rows[0]!.n).toBe('number');
      expect(r.rows[0]!.big).toBe(Number.MAX_SAFE_INTEGER);
    }
  });

  it('refuses a value a number cannot hold rather than rounding it', async () => {
    expect(() => int8ToNumber('9007199254740993')).toThrow(RangeError);
    await expect(sql`select 9007199254740993::int8 as x`.execute(pgStore.db)).rejects.toThrow(
      RangeError,
    );
    await expect(sql`select 9007199254740993::int8 as x`.execute(lite.db)).rejects.toThrow(
      RangeError,
    );
  });
});

describe('the embedded store lock', () => {
  it('refuses a second opener in this process at once', async () => {
    await expect(openStore({ data: dir })).rejects.toBeInstanceOf(StoreLockedError);
  });

  it('refuses a second process clearly (exit 6), without waiting and without touching the data', async () => {
    const root = join(import.meta.dirname, '../..');
    const run = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(
        join(root, 'node_modules/.bin/tsx'),
        ['src-central/cli/index.ts', 'devices', '--data', dir],
        { cwd: root },
      );
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code) => done({ code, stderr }));
    });
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/in use by another process/);
    expect((await sql`select 1 as ok`.execute(lite.db)).rows).toEqual([{ ok: 1 }]);
  });

  it('takes over the lock of a holder that was killed', async () => {
    const other = mkdtempSync(join(tmpdir(), 'waymark-store-'));
    try {
      const root = join(import.meta.dirname, '../..');
      // A server that holds the store, then dies without releasing it (kill -9).
      const child = spawn(
        join(root, 'node_modules/.bin/tsx'),
        ['src-central/cli/index.ts', 'serve', '--data', other, '--port', '0'],
        { cwd: root, detached: true },
      );
      await new Promise<void>((done) =>
        child.stdout.on('data', (d: Buffer) => d.toString().includes('listening') && done()),
      );
      await expect(openStore({ data: other })).rejects.toBeInstanceOf(StoreLockedError);
      process.kill(-child.pid!, 'SIGKILL');
      await new Promise((done) => child.on('exit', done));
      // tsx runs the server in a child process: wait until that one is dead too.
      const pid = readFileSync(join(other, 'central.pid'), 'utf8').trim().split(' ')[1];
      for (let i = 0; i < 100; i++) {
        const stat = existsSync(`/proc/${pid}/stat`)
          ? readFileSync(`/proc/${pid}/stat`, 'utf8')
          : '';
        if (stat === '' || /\) Z/.test(stat)) break;
        await new Promise((done) => setTimeout(done, 100));
      }
      const store = await openStore({ data: other });
      await store.close();
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  }, 120_000);
});
