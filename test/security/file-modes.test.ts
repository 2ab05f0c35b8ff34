/**
 * The caseload's own files were created with the process's default mode (0644 here): SQLite
 * makes a new database that way and gives the WAL and SHM the main file's mode. Now they are
 * readable by the owner only, and a caseload an older version left readable is tightened when
 * it is opened.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { Session } from '../../src-main/app/session';
import { referral } from '../support/referrals';
import { referralSchema } from '../../src-shared/schemas/participant';
import { PASSPHRASE, TEST_KDF, tempCaseload, type TempCaseload } from '../support/temp-caseload';

let c: TempCaseload;
beforeEach(async () => {
  c = await tempCaseload();
});
afterEach(() => c.close());

const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe('the caseload files', () => {
  it('are 0600 while open: the database, its WAL and SHM, the key file and the audit head', async () => {
    await c.services.participants.create(referralSchema.parse(referral()));
    const db = c.paths.database;
    const files = [db, `${db}-wal`, `${db}-shm`, c.paths.keyFile, `${db}.audit-head.json`];
    expect(files.filter((f) => !existsSync(f))).toEqual([]);
    expect(files.map(mode)).toEqual(files.map(() => '600'));
  });

  it('left readable by others (an older version) are made 0600 when the caseload opens', async () => {
    await c.session.lock('quit');
    chmodSync(c.paths.database, 0o644);
    const s = new Session({ paths: c.paths, kdfCost: TEST_KDF });
    await s.unlock(PASSPHRASE);
    c.session = s;
    expect(mode(c.paths.database)).toBe('600');
    expect(mode(`${c.paths.database}-wal`)).toBe('600');
  });
});
