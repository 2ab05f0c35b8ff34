import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { tempDir, PASSPHRASE } from '../support/temp-caseload';
import { toCsv, validRow } from '../support/referral-csv';
import { Vault } from '../../src-main/vault/vault';
import { openRaw } from '../../src-main/db/open';
import { dataPathsFor } from '../../src-main/app/data-paths';

const t = tempDir('waymark cli ');
const db = join(t.dir, 'my caseload.waymark');
const env = { WAYMARK_PASSPHRASE: PASSPHRASE };

beforeAll(async () => {
  expect((await runCli(['init', '--db', db, '--adviser', 'Ada Adviser'], { env })).code).toBe(0);
});
afterAll(() => t.cleanup());

describe('the command line', () => {
  it('refuses a short passphrase at init with exit code 3', async () => {
    const r = await runCli(['init', '--db', join(t.dir, 'other.waymark')], {
      env: { WAYMARK_PASSPHRASE: 'short' },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/at least 12 characters/);
  });

  it('imports, lists as JSON and exports a subject-access record', async () => {
    const csv = join(t.dir, 'batch.csv');
    writeFileSync(csv, toCsv([validRow(1), validRow(2), validRow(3, { ni_number: 'BAD' })]));
    const imported = await runCli(
      ['import-referrals', '--db', db, csv, '--errors', join(t.dir, 'errors.csv')],
      { env },
    );
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 2, failed: 1 });

    const list = await runCli(['list', '--db', db, '--json'], { env });
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.stdout) as { referralId: string; id: string }[];
    expect(rows.map((r) => r.referralId).sort()).toEqual(['JCP-B000001', 'JCP-B000002']);

    const exp = await runCli(['export', '--db', db, '--participant', 'JCP-B000002'], { env });
    expect(exp.code).toBe(0);
    const sar = JSON.parse(exp.stdout);
    expect(sar.participant.referralId).toBe('JCP-B000002');
    expect(sar.timeline[0].kind).toBe('referral');
    expect(sar.accessLog.map((a: { action: string }) => a.action)).toContain('participant.create');

    const missing = await runCli(['export', '--db', db, '--participant', 'JCP-NOPE'], { env });
    expect(missing.code).toBe(5);
  });

  it('exits 4 on a wrong passphrase, without touching the caseload', async () => {
    const r = await runCli(['list', '--db', db, '--json'], {
      env: { WAYMARK_PASSPHRASE: 'not the right one' },
    });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/passphrase is not right/);
  });

  it('audit-verify passes on an untouched log and detects an edited row (exit 7)', async () => {
    const ok = await runCli(['audit-verify', '--db', db], { env });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, brokenAt: null });

    const paths = dataPathsFor(db);
    const key = await new Vault({ file: paths.keyFile }).unlock(PASSPHRASE);
    const raw = openRaw(paths.database, key);
    const edit = raw.prepare("UPDATE audit_log SET actor = 'someone else' WHERE seq = 3");
    expect(() => edit.run()).toThrow('The audit log cannot be changed');
    // Someone with the passphrase and an SQLite tool drops the trigger first.
    raw.exec('DROP TRIGGER audit_log_no_update');
    edit.run();
    raw.close();
    key.fill(0);

    const bad = await runCli(['audit-verify', '--db', db], { env });
    expect(bad.code).toBe(7);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      ok: false,
      brokenAt: 3,
      problem: 'has been altered',
    });
  });

  it('audit-verify detects the last entries deleted, which the hash chain alone cannot', async () => {
    const fresh = join(t.dir, 'truncated.waymark');
    expect((await runCli(['init', '--db', fresh], { env })).code).toBe(0);
    for (let i = 0; i < 3; i++)
      expect((await runCli(['list', '--db', fresh], { env })).code).toBe(0);
    const paths = dataPathsFor(fresh);
    const key = await new Vault({ file: paths.keyFile }).unlock(PASSPHRASE);
    const raw = openRaw(paths.database, key);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq > 1').run();
    raw.close();
    key.fill(0);

    const bad = await runCli(['audit-verify', '--db', fresh], { env });
    expect(bad.code).toBe(7);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/removed/),
    });
    // It stays reported: the next run finds the mismatch recorded in the chain itself.
    expect((await runCli(['audit-verify', '--db', fresh], { env })).code).toBe(7);
  }, 60_000);

  it('exits 2 on a usage error', async () => {
    expect((await runCli(['list'], { env })).code).toBe(2);
    expect((await runCli(['no-such-command'], { env })).code).toBe(2);
  });
});
