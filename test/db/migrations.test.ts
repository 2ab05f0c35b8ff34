import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { openDatabase, openRaw } from '../../src-main/db/open';
import { migrations } from '../../src-main/db/migrations';
import { transactional } from '../../src-main/db/migrations/transactional';
import { tempDir } from '../support/temp-caseload';

const upTo = (last: string): Record<string, Migration> =>
  Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= last));

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('migrations', () => {
  it('migrating from the previous schema keeps the data and backfills the search column', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = join(t.dir, 'old caseload.db');
    const key = randomBytes(32);
    const old = await openDatabase({ file, key, migrations: upTo('0001-create-caseload') });
    await sql`INSERT INTO advisers (id, name, role, created_at) VALUES ('a1', 'Ada', 'adviser', '2026-01-01')`.execute(
      old.db,
    );
    await sql`INSERT INTO participants (id, referral_id, given_name, family_name, preferred_name, date_of_birth, ni_number,
      address_line1, address_line2, town, county, postcode, phone, email, referral_date, jobcentre_office, benefit, programme,
      charter_profile, nation, contact_channel, language, interpreter_needed, adjustments, accessible_formats, status,
      exit_reason, adviser_id, version, created_at, updated_at)
      VALUES ('p1', 'JCP-9', 'Ioana', 'Popescu', NULL, '1980-01-01', 'AB123456C', '1 Road', NULL, 'Leeds', NULL, 'LS1 1AA',
      NULL, NULL, '2026-01-02', 'Leeds', 'universal-credit', 'restart', 'work-programme', 'england-and-wales', 'letter',
      'English', 0, '', '{"largePrint":false,"welsh":false,"easyRead":false}', 'referred', NULL, 'a1', 1, '2026-01-02', '2026-01-02')`.execute(
      old.db,
    );
    await old.close();

    const now = await openDatabase({ file, key });
    const row = await now.db.selectFrom('participants').selectAll().executeTakeFirstOrThrow();
    expect(row.given_name).toBe('Ioana');
    expect(row.search_text).toContain('popescu');
    expect(row.search_text).toContain('ls11aa');
    const done = await sql<{
      name: string;
    }>`SELECT name FROM kysely_migration ORDER BY name`.execute(now.db);
    expect(done.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
    await now.close();
    // A copy was taken before migrating, still encrypted with the same key.
    const backups = readdirSync(t.dir).filter((f) => f.includes('.before-0002'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(t.dir, backups[0]!)).includes(Buffer.from('Popescu'))).toBe(false);
    const copy = openRaw(join(t.dir, backups[0]!), key);
    expect(copy.prepare('SELECT count(*) AS n FROM participants').get()).toEqual({ n: 1 });
    copy.close();
  });

  it('refuses a database written by a newer version and leaves it unchanged', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = join(t.dir, 'newer.db');
    const key = randomBytes(32);
    const db = await openDatabase({ file, key });
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', '2030-01-01T00:00:00Z')`.execute(
      db.db,
    );
    await db.close();
    const bytes = readFileSync(file);
    await expect(openDatabase({ file, key })).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringContaining('newer version of Waymark'),
    });
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('rolls back a failing migration whole, so nothing is half-applied', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = join(t.dir, 'fail.db');
    const key = randomBytes(32);
    const failing = transactional(async (db) => {
      await db.schema.createTable('half_done').addColumn('id', 'text').execute();
      throw new Error('boom');
    });
    await expect(
      openDatabase({ file, key, migrations: { ...migrations, '9000-fails': failing } }),
    ).rejects.toMatchObject({ code: 'refused' });
    const raw = openRaw(file, key);
    expect(
      raw.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get(),
    ).toBeUndefined();
    expect(
      raw.prepare("SELECT count(*) AS n FROM kysely_migration WHERE name = '9000-fails'").get(),
    ).toEqual({ n: 0 });
    raw.close();
    expect(existsSync(file)).toBe(true);
  });
});
