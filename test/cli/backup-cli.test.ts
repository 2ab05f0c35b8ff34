/**
 * The backup commands as an administrator runs them: init prints the recovery key once, backup
 * writes a file to a folder, restore puts it on a "new computer" and checks it, recover sets a
 * new passphrase with the recovery key.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { tempDir, PASSPHRASE } from '../support/temp-caseload';
import { toCsv, validRow } from '../support/referral-csv';

const t = tempDir('waymark backup cli ');
afterAll(() => t.cleanup());
const env = { WAYMARK_PASSPHRASE: PASSPHRASE };

describe('backup, restore and recover from the command line', () => {
  it('round-trips a caseload through a backup and recovers a forgotten passphrase', async () => {
    const db = join(t.dir, 'office caseload.waymark');
    const init = await runCli(['init', '--db', db], { env });
    expect(init.code).toBe(0);
    const recoveryKey = init.stdout.trim().split('\n').at(-1)!;
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);

    const csv = join(t.dir, 'batch.csv');
    writeFileSync(csv, toCsv([validRow(1), validRow(2)]));
    const imported = await runCli(['import-referrals', '--db', db, csv], { env });
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 2 });

    const sticks = join(t.dir, 'usb stick');
    mkdirSync(sticks);
    const backup = await runCli(['backup', '--db', db, '--to', sticks], { env });
    expect(backup.code).toBe(0);
    const made = JSON.parse(backup.stdout) as { fileName: string };
    expect(readdirSync(sticks)).toEqual([made.fileName]);

    const newComputer = join(t.dir, 'new computer', 'caseload.waymark');
    const restored = await runCli(
      ['restore', '--from', join(sticks, made.fileName), '--db', newComputer],
      { env },
    );
    expect(restored.stderr).toBe('');
    expect(JSON.parse(restored.stdout)).toMatchObject({ auditOk: true, participants: 2 });
    const verify = await runCli(['audit-verify', '--db', newComputer], { env });
    expect(verify.code).toBe(0);

    const again = await runCli(
      ['restore', '--from', join(sticks, made.fileName), '--db', newComputer],
      { env },
    );
    expect(again.code).toBe(6);
    expect(again.stderr).toMatch(/already a caseload here/);

    const wrong = await runCli(['recover', '--db', db], {
      env: {
        WAYMARK_RECOVERY_KEY: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA',
        WAYMARK_NEW_PASSPHRASE: 'x'.repeat(14),
      },
    });
    expect(wrong.code).toBe(4);
    const recovered = await runCli(['recover', '--db', db], {
      env: { WAYMARK_RECOVERY_KEY: recoveryKey, WAYMARK_NEW_PASSPHRASE: 'a fresh passphrase' },
    });
    expect(recovered.code).toBe(0);
    expect((await runCli(['list', '--db', db], { env })).code).toBe(4);
    expect(
      (await runCli(['list', '--db', db], { env: { WAYMARK_PASSPHRASE: 'a fresh passphrase' } }))
        .code,
    ).toBe(0);
  }, 240_000);
});
