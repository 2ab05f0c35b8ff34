/**
 * Backup, restore and recovery over real encrypted caseloads: a backup restores onto a new data
 * folder with every row equal and the audit log checking; the recovery key opens a caseload whose
 * passphrase is forgotten; damaged backups, wrong secrets and occupied folders change nothing.
 */
import { randomBytes, createCipheriv, createDecipheriv } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { Vault } from '../../src-main/vault/vault';
import { newRecoveryKey, normaliseRecoveryKey } from '../../src-main/vault/recovery-key';
import type { OsKeyProtector } from '../../src-main/vault/os-protector';
import { Session } from '../../src-main/app/session';
import { dataPathsFor } from '../../src-main/app/data-paths';
import {
  restoreBackup,
  pruneBackups,
  BACKUPS_KEPT,
} from '../../src-main/services/protection/backup';
import {
  backupNow,
  backupSettings,
  configureBackups,
} from '../../src-main/services/protection/backup-schedule';
import { verifyAuditLog } from '../../src-main/services/protection/audit-verify';
import { referralSchema } from '../../src-shared/schemas/participant';
import { referral } from '../support/referrals';
import { tempCaseload, tempDir, TEST_KDF, PASSPHRASE } from '../support/temp-caseload';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function caseloadWithPeople(now?: () => Date) {
  const c = await tempCaseload({ now });
  cleanups.push(() => c.close());
  await c.services.participants.create(
    referralSchema.parse(referral({ givenName: 'Quillonby', referralId: 'JCP-BK-1' })),
  );
  await c.services.participants.create(
    referralSchema.parse(referral({ givenName: 'Marrowkin', referralId: 'JCP-BK-2' })),
  );
  return c;
}

function folder(): string {
  const t = tempDir('waymark backup ');
  cleanups.push(t.cleanup);
  return t.dir;
}

/** Every row of every table, in order: what "data equal after restore" means. */
function dump(raw: SqliteDatabase.Database): Record<string, unknown[]> {
  const tables = raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables
      .filter((t) => !t.name.startsWith('sqlite_') && !t.name.includes('_fts'))
      .map((t) => [t.name, raw.prepare(`SELECT * FROM "${t.name}" ORDER BY rowid`).all()]),
  );
}

function fakeKeychain(): OsKeyProtector {
  const osKey = randomBytes(32);
  return {
    isAvailable: () => true,
    encrypt: (plain) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', osKey, iv);
      const ct = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), ct]);
    },
    decrypt: (blob) => {
      const d = createDecipheriv('aes-256-gcm', osKey, blob.subarray(0, 12));
      d.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([d.update(blob.subarray(28)), d.final()]);
    },
  };
}

describe('the recovery key', () => {
  it('is 120 random bits in six groups, read back whatever the case, spaces or look-alikes', () => {
    const code = newRecoveryKey();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(newRecoveryKey()).not.toBe(code);
    expect(normaliseRecoveryKey(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normaliseRecoveryKey('O0IL-abcd-efgh-jkmn-pqrs-tvwx')).toBe(
      '0011-ABCD-EFGH-JKMN-PQRS-TVWX',
    );
    expect(() => normaliseRecoveryKey(code.slice(0, -1))).toThrow(/24 letters and numbers/);
    expect(() => normaliseRecoveryKey(code.replace(/.$/, 'U'))).toThrow(/24 letters/);
  });

  it('opens the key when the passphrase is forgotten, sets a new one, and keeps working', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'k.json');
    const code = newRecoveryKey();
    const key = await new Vault({ file, kdfCost: TEST_KDF }).create(PASSPHRASE, code);
    const stored = readFileSync(file, 'utf8');
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(code.replace(/-/g, ''));
    const vault = new Vault({ file, kdfCost: TEST_KDF });

    const wrong = newRecoveryKey();
    await expect(vault.recover(wrong, 'a new passphrase now')).rejects.toMatchObject({
      code: 'wrong-passphrase',
      field: 'recoveryKey',
    });
    // The wrong key was counted, and the passphrase was not changed by it.
    expect(JSON.parse(readFileSync(file, 'utf8')).failures.tried).toBe(1);
    expect((await vault.unlock(PASSPHRASE)).equals(key)).toBe(true);

    expect((await vault.recover(code.toLowerCase(), 'a new passphrase now')).equals(key)).toBe(
      true,
    );
    await expect(vault.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect((await vault.unlock('a new passphrase now')).equals(key)).toBe(true);
    // The same recovery key still opens it after the change.
    expect((await vault.recover(code, 'a third passphrase!!')).equals(key)).toBe(true);
  });

  it('works on a computer without the keychain that wrapped the passphrase', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'k.json');
    const code = newRecoveryKey();
    const key = await new Vault({ file, os: fakeKeychain(), kdfCost: TEST_KDF }).create(
      PASSPHRASE,
      code,
    );
    const elsewhere = new Vault({ file, kdfCost: TEST_KDF });
    await expect(elsewhere.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'refused' });
    expect((await elsewhere.recover(code, 'a new passphrase now')).equals(key)).toBe(true);
    expect((await elsewhere.unlock('a new passphrase now')).equals(key)).toBe(true);
  });

  it('is shown once at set-up, and the session unlocks with it and a new passphrase', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const paths = dataPathsFor(join(t.dir, 'case load.waymark'));
    const first = new Session({ paths, kdfCost: TEST_KDF });
    const made = await first.setup('Ada Adviser', PASSPHRASE);
    expect(made.recoveryKeySet).toBe(true);
    expect(first.status()).not.toHaveProperty('recoveryKey');
    await first.require().services.participants.create(referralSchema.parse(referral()));
    await first.lock();

    const later = new Session({ paths, kdfCost: TEST_KDF });
    cleanups.push(() => later.lock('quit'));
    const status = await later.recover(made.recoveryKey, 'my brand new passphrase');
    expect(status.state).toBe('unlocked');
    expect((await later.require().services.participants.list({})).total).toBe(1);
    const actions = later
      .require()
      .opened.raw.prepare('SELECT action FROM audit_log ORDER BY seq')
      .all()
      .map((r) => (r as { action: string }).action);
    expect(actions).toContain('session.recover');
    await later.lock();
    await expect(later.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect((await later.unlock('my brand new passphrase')).state).toBe('unlocked');

    // Replacing it: the old key stops working, the new one works.
    const next = await later.replaceRecoveryKey('my brand new passphrase');
    await later.lock();
    await expect(later.recover(made.recoveryKey, 'another passphrase!')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    expect((await later.recover(next, 'another passphrase!')).state).toBe('unlocked');
  });
});

describe('backup and restore', () => {
  it('restores onto a new data folder: every row equal, audit log checks, nothing in plaintext', async () => {
    const c = await caseloadWithPeople();
    const u = c.session.require();
    const before = dump(u.opened.raw);
    const to = folder();
    const made = await backupNow(u, c.session.vault, new Date(), to);
    const bytes = readFileSync(made.path);
    expect(bytes.includes(Buffer.from('Quillonby'))).toBe(false);
    expect(bytes.includes(Buffer.from('JCP-BK-2'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(readdirSync(to)).toEqual([made.fileName]); // no temporary copy left behind

    const target = folder();
    const paths = dataPathsFor(join(target, 'restored', 'case load.waymark'));
    const opened = await restoreBackup(
      made.path,
      paths,
      { passphrase: PASSPHRASE },
      {
        kdfCost: TEST_KDF,
      },
    );
    try {
      expect(dump(opened.raw)).toEqual(before);
      expect((await verifyAuditLog(opened.db)).ok).toBe(true);
    } finally {
      await opened.close();
    }
    // The restored caseload then works as any other: the session opens it with the passphrase.
    const s = new Session({ paths, kdfCost: TEST_KDF });
    await s.unlock(PASSPHRASE);
    expect((await s.require().services.participants.list({ search: 'Marrowkin' })).total).toBe(1);
    await s.lock();
  });

  it('restores with the recovery key, setting a new passphrase, through the session', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const source = new Session({
      paths: dataPathsFor(join(t.dir, 'a', 'c.waymark')),
      kdfCost: TEST_KDF,
    });
    mkdirSync(join(t.dir, 'a'));
    const { recoveryKey } = await source.setup('Ada Adviser', PASSPHRASE);
    await source.require().services.participants.create(referralSchema.parse(referral()));
    const to = folder();
    const made = await backupNow(source.require(), source.vault, new Date(), to);
    await source.lock();

    const paths = dataPathsFor(join(t.dir, 'b', 'c.waymark'));
    const fresh = new Session({ paths, kdfCost: TEST_KDF });
    cleanups.push(() => fresh.lock('quit'));
    await expect(
      fresh.restore(made.path, { recoveryKey: newRecoveryKey(), newPassphrase: 'x'.repeat(12) }),
    ).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(fresh.status().state).toBe('uninitialised');
    expect(readdirSync(join(t.dir, 'b')).filter((f) => !f.endsWith('.lock'))).toEqual([]);

    const status = await fresh.restore(made.path, {
      recoveryKey,
      newPassphrase: 'the passphrase on the new laptop',
    });
    expect(status.state).toBe('unlocked');
    expect((await fresh.require().services.participants.list({})).total).toBe(1);
    expect((await verifyAuditLog(fresh.require().services.wp.db)).ok).toBe(true);
    await fresh.lock();
    expect((await fresh.unlock('the passphrase on the new laptop')).state).toBe('unlocked');
  });

  it('refuses a damaged backup, a wrong passphrase and an occupied folder, changing nothing', async () => {
    const c = await caseloadWithPeople();
    const to = folder();
    const made = await backupNow(c.session.require(), c.session.vault, new Date(), to);
    const target = folder();
    const paths = dataPathsFor(join(target, 'c.waymark'));
    const listing = () => readdirSync(target).filter((f) => !f.endsWith('.lock'));

    const damaged = join(to, 'damaged.wmbackup');
    const bytes = readFileSync(made.path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
    writeFileSync(damaged, bytes);
    await expect(restoreBackup(damaged, paths, { passphrase: PASSPHRASE })).rejects.toThrow(
      /damaged since it was made/,
    );
    writeFileSync(damaged, bytes.subarray(0, bytes.length - 10));
    await expect(restoreBackup(damaged, paths, { passphrase: PASSPHRASE })).rejects.toThrow(
      /cut short/,
    );
    writeFileSync(damaged, 'SQLite format 3\0 not ours');
    await expect(restoreBackup(damaged, paths, { passphrase: PASSPHRASE })).rejects.toThrow(
      /not a Waymark backup/,
    );
    await expect(
      restoreBackup('relative/path.wmbackup', paths, { passphrase: PASSPHRASE }),
    ).rejects.toMatchObject({ code: 'invalid-input', field: 'file' });
    expect(listing()).toEqual([]);

    await expect(
      restoreBackup(made.path, paths, { passphrase: 'not the passphrase' }, { kdfCost: TEST_KDF }),
    ).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(listing()).toEqual([]);

    // Onto the live caseload's own folder: refused, and the live files are untouched.
    const live = readFileSync(c.paths.keyFile);
    await expect(
      restoreBackup(made.path, c.paths, { passphrase: PASSPHRASE }),
    ).rejects.toMatchObject({ code: 'already-initialised' });
    expect(readFileSync(c.paths.keyFile).equals(live)).toBe(true);
  });

  it('refuses a backup whose audit log was cut short after it was anchored', async () => {
    const c = await caseloadWithPeople();
    const u = c.session.require();
    const to = folder();
    const made = await backupNow(u, c.session.vault, new Date(), to);
    // Swap in an anchor head from later in the chain: the backup's log then looks cut short.
    await u.services.wp.transaction((w) => w.audit('test.later', 'test', null));
    const header = readFileSync(made.path);
    const later = readFileSync(`${c.paths.database}.audit-head.json`, 'utf8');
    const start = 15 + 4;
    const length = header.readUInt32BE(15);
    const parsed = JSON.parse(header.subarray(start, start + length).toString('utf8'));
    parsed.auditHead = later;
    const json = Buffer.from(JSON.stringify(parsed));
    const len = Buffer.alloc(4);
    len.writeUInt32BE(json.length);
    const forged = join(to, 'forged.wmbackup');
    writeFileSync(
      forged,
      Buffer.concat([header.subarray(0, 15), len, json, header.subarray(start + length)]),
    );
    const target = folder();
    await expect(
      restoreBackup(
        forged,
        dataPathsFor(join(target, 'c.waymark')),
        { passphrase: PASSPHRASE },
        {
          kdfCost: TEST_KDF,
        },
      ),
    ).rejects.toThrow(/audit log does not check/);
    expect(readdirSync(target).filter((f) => !f.endsWith('.lock'))).toEqual([]);
  });

  it('runs on a schedule while open, records a missing folder, and keeps the newest ten', async () => {
    let now = new Date('2026-11-02T09:00:00Z');
    const c = await caseloadWithPeople(() => now);
    const u = c.session.require();
    const to = folder();
    await configureBackups(u, to, 7);
    await c.session.lock();
    const files = () => readdirSync(to).filter((f) => f.endsWith('.wmbackup'));

    await c.session.unlock(PASSPHRASE);
    await c.session.backupsIdle();
    expect(files()).toHaveLength(1);
    expect(backupSettings(c.session.require()).lastAt).toBe(now.toISOString());

    // Six days later it is not due; seven days later it is.
    await c.session.lock();
    now = new Date('2026-11-08T09:00:00Z');
    await c.session.unlock(PASSPHRASE);
    await c.session.backupsIdle();
    expect(files()).toHaveLength(1);
    await c.session.lock();
    now = new Date('2026-11-09T09:00:00Z');
    await c.session.unlock(PASSPHRASE);
    await c.session.backupsIdle();
    expect(files()).toHaveLength(2);

    // The stick is out: nothing breaks, the problem is recorded for the backup screen.
    await configureBackups(c.session.require(), join(to, 'gone'), 1);
    await c.session.lock();
    now = new Date('2026-11-10T09:00:00Z');
    await c.session.unlock(PASSPHRASE);
    await c.session.backupsIdle();
    expect(backupSettings(c.session.require()).lastProblem).toMatch(/cannot find that folder/);

    // Pruning keeps the newest ten Waymark backups and leaves other files alone.
    for (let i = 0; i < 12; i++)
      writeFileSync(join(to, `waymark-backup-202601${String(i + 10)}T000000Z.wmbackup`), 'x');
    writeFileSync(join(to, 'holiday-photos.jpg'), 'x');
    pruneBackups(to, BACKUPS_KEPT);
    expect(files()).toHaveLength(BACKUPS_KEPT);
    expect(files()).toContain(files().sort().at(-1));
    expect(existsSync(join(to, 'holiday-photos.jpg'))).toBe(true);
  });
});
