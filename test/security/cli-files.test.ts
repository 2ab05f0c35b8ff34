/**
 * The command line's files: error reports and letters readable by their owner only (they were
 * 0644), and no way for a production run to weaken the passphrase's key derivation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../cli/run-cli';
import { PASSPHRASE, tempDir } from '../support/temp-caseload';
import { toCsv, validRow } from '../support/referral-csv';
import { DEFAULT_SCRYPT } from '../../src-main/vault/kdf';

const t = tempDir('waymark cli files ');
const db = join(t.dir, 'c.waymark');
const env = { WAYMARK_PASSPHRASE: PASSPHRASE };
beforeAll(async () => {
  expect((await runCli(['init', '--db', db], { env })).code).toBe(0);
}, 60_000);
afterAll(() => t.cleanup());

const mode = (file: string) => statSync(file).mode & 0o777;

describe('files the command line writes', () => {
  it('writes the import error report 0600, also over an existing readable file', async () => {
    const csv = join(t.dir, 'batch.csv');
    writeFileSync(csv, toCsv([validRow(1, { ni_number: 'nope' })]));
    const report = join(t.dir, 'errors.csv');
    writeFileSync(report, 'old', { mode: 0o644 });
    const run = await runCli(['import-referrals', '--db', db, '--errors', report, csv], { env });
    expect(run.code).toBe(0);
    expect(readFileSync(report, 'utf8')).toContain('ni_number');
    expect(mode(report)).toBe(0o600);
    expect(mode(`${db}.key.json`)).toBe(0o600);
  }, 60_000);

  it('ignores the test-only scrypt override outside tests', async () => {
    const weak = join(t.dir, 'weak.waymark');
    const run = await runCli(['init', '--db', weak], {
      env: { ...env, WAYMARK_TEST_KDF_N: '2', NODE_ENV: 'production' },
    });
    expect(run.code).toBe(0);
    const keyFile = JSON.parse(readFileSync(`${weak}.key.json`, 'utf8'));
    expect(keyFile.wrapped.kdf.N).toBe(DEFAULT_SCRYPT.N);
  }, 60_000);
});
