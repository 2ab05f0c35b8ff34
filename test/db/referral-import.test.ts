import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
  tempCaseload,
  tempDir,
  PASSPHRASE,
  TEST_KDF,
  type TempCaseload,
} from '../support/temp-caseload';
import { toCsv, validRow } from '../support/referral-csv';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { initialiseCaseload } from '../../src-main/app/session';
import { Vault } from '../../src-main/vault/vault';
import { openRaw } from '../../src-main/db/open';

let c: TempCaseload | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await c?.close();
  c = undefined;
  cleanup?.();
  cleanup = undefined;
});

const ROOT = resolve(import.meta.dirname, '../..');

describe('referral CSV import', () => {
  it('imports valid rows, reports each invalid one by line and column, and is idempotent', async () => {
    c = await tempCaseload();
    const rows = [
      validRow(1),
      validRow(2, { ni_number: 'QQ123456C' }),
      validRow(3),
      validRow(4, { postcode: 'NOT A CODE', date_of_birth: '1985-13-01' }),
      validRow(5),
      validRow(1, { given_name: 'Duplicate in file' }),
    ];
    const csv = toCsv(rows);
    const imports = c.services.imports;
    const first = await imports.finished((await imports.start('batch one.csv', csv)).importId);
    expect(first).toMatchObject({
      state: 'finished',
      total: 6,
      imported: 3,
      duplicates: 0,
      failed: 3,
    });
    const report = Papa.parse<string[]>(await imports.errorReport(first.importId)).data;
    expect(report[0]).toEqual(['line', 'referral_id', 'column', 'problem']);
    expect(report.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['3', 'JCP-B000002', 'ni_number'],
      ['5', 'JCP-B000004', 'date_of_birth'],
      ['5', 'JCP-B000004', 'postcode'],
      ['7', 'JCP-B000001', 'referral_id'],
    ]);
    const second = await imports.finished((await imports.start('batch one.csv', csv)).importId);
    expect(second).toMatchObject({ state: 'finished', imported: 0, duplicates: 3, failed: 3 });
    const list = await c.services.participants.list({ limit: 100 });
    expect(list.total).toBe(3);
    expect(list.rows.map((r) => r.name).sort()).toEqual([
      "O'Neill, Aoife",
      'Wiśniewski, Łukasz',
      'ap Gruffydd, Siân',
    ]);
  });

  it('refuses a file without the required columns, naming them', async () => {
    c = await tempCaseload();
    await expect(
      c.services.imports.start('x.csv', 'referral_id,given_name\nA-1,Jo\n'),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('referral_date'),
    });
  });

  it('leaves a valid database with whole rows only when killed mid-import (kill -9)', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const paths = dataPathsFor(join(t.dir, 'killed caseload.waymark'));
    await (await initialiseCaseload(paths, 'Ada', PASSPHRASE, { kdfCost: TEST_KDF })).close();
    const total = 20_000;
    const csvFile = join(t.dir, 'big batch.csv');
    writeFileSync(csvFile, toCsv(Array.from({ length: total }, (_, i) => validRow(i + 1))));

    const env = { ...process.env, WAYMARK_PASSPHRASE: PASSPHRASE };
    const child = spawn(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['src-main/cli/index.ts', 'import-referrals', '--db', paths.database, csvFile],
      {
        cwd: ROOT,
        env,
        stdio: 'ignore',
        // Its own process group: tsx runs node as a child, and kill -9 must reach both.
        detached: true,
      },
    );
    const key = await new Vault({ file: paths.keyFile }).unlock(PASSPHRASE);
    // Wait until some rows are in (read through WAL from this process), then kill without warning.
    const raw = openRaw(paths.database, key);
    for (let i = 0; i < 2400; i++) {
      const { n } = raw.prepare('SELECT count(*) AS n FROM participants').get() as { n: number };
      if (n >= 300) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    raw.close();
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    await new Promise((r) => setTimeout(r, 200));

    const db = openRaw(paths.database, key);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const count = (q: string) => (db.prepare(q).get() as { n: number }).n;
    const participants = count('SELECT count(*) AS n FROM participants');
    expect(participants).toBeGreaterThan(0);
    expect(participants).toBeLessThan(total);
    // Whole rows: every participant has its referral event, its journal entries and its audit entry.
    expect(count("SELECT count(*) AS n FROM participant_events WHERE kind = 'referral'")).toBe(
      participants,
    );
    expect(
      count("SELECT count(*) AS n FROM change_journal WHERE entity_type = 'participant'"),
    ).toBe(participants);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'participant.create'")).toBe(
      participants,
    );
    // Progress was committed with the rows it counts.
    expect(count('SELECT imported AS n FROM referral_imports')).toBe(participants);
    db.close();

    // Importing again finishes the job with no duplicates.
    const rerun = spawn(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['src-main/cli/index.ts', 'import-referrals', '--db', paths.database, csvFile],
      { cwd: ROOT, env },
    );
    let out = '';
    rerun.stdout.on('data', (d) => (out += d));
    expect(await new Promise((r) => rerun.once('exit', r))).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      state: 'finished',
      imported: total - participants,
      duplicates: participants,
      failed: 0,
    });
    key.fill(0);
  }, 300_000);
});
