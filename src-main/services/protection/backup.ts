/**
 * Backup and restore. A backup is made while the caseload is open (VACUUM INTO gives a
 * consistent, encrypted copy without stopping work) and written to a chosen folder, for example
 * a USB stick; a restore puts the caseload, its key file and its audit head into a data folder
 * that has none, then proves the result before keeping it: the key opens the copy, the audit head
 * matches the log and the chain verifies. A restore that fails leaves the folder as it was.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { AppError } from '../../errors';
import type { OpenedDatabase } from '../../db/open';
import { openDatabase } from '../../db/open';
import type { DataPaths } from '../../app/data-paths';
import { Vault, type VaultOptions } from '../../vault/vault';
import { AuditAnchor, anchorFileFor } from '../../write-path/audit-anchor';
import { verifyAuditLog } from './audit-verify';
import { BACKUP_EXTENSION, decodeBackup, encodeBackup } from './backup-file';

export interface BackupMade {
  fileName: string;
  path: string;
  bytes: number;
  at: string;
}

/** How many backups a folder keeps: older Waymark backups there are removed after a new one. */
export const BACKUPS_KEPT = 10;

const stamp = (at: Date) =>
  at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
const isBackupName = (name: string) => /^waymark-backup-\d{8}T\d{6}Z(-\d+)?\.wmbackup$/.test(name);

function checkFolder(folder: string): void {
  if (!isAbsolute(folder))
    throw new AppError('invalid-input', 'Enter the full path of the backup folder', 'folder');
  let isDir = false;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir)
    throw new AppError(
      'not-found',
      'Waymark cannot find that folder. If it is on a USB stick, check the stick is plugged in.',
      'folder',
    );
}

/** Written, flushed and linked into place under a name no other backup has. */
function writeNew(folder: string, base: string, data: Buffer): string {
  const tmp = join(folder, `.${base}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    for (let n = 1; ; n++) {
      const name = `${base}${n === 1 ? '' : `-${n}`}${BACKUP_EXTENSION}`;
      try {
        linkSync(tmp, join(folder, name));
        return name;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n > 50) throw error;
      }
    }
  } finally {
    unlinkSync(tmp);
  }
}

/** Makes a backup of the open caseload in `folder`. */
export function makeBackup(
  opened: OpenedDatabase,
  vault: Vault,
  folder: string,
  now: Date,
): BackupMade {
  checkFolder(folder);
  const anchorFile = anchorFileFor(opened.file);
  // Read before the copy: the head names an entry the copy is sure to hold (it only advances
  // after a commit), which is all the check on opening asks.
  const auditHead = existsSync(anchorFile) ? readFileSync(anchorFile, 'utf8') : null;
  const copy = join(folder, `.waymark-copy-${randomBytes(6).toString('hex')}.tmp`);
  let database: Buffer;
  try {
    // Made empty and owner-only first (VACUUM INTO accepts an empty file and keeps its mode).
    closeSync(openSync(copy, 'wx', 0o600));
    // sqlite3mc encrypts the copy with the open database's cipher and key.
    opened.raw.prepare('VACUUM INTO ?').run(copy);
    database = readFileSync(copy);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'refused',
      'The backup could not be written to that folder. Check there is space and that it is not read-only.',
      'folder',
    );
  } finally {
    rmSync(copy, { force: true });
  }
  const fileName = writeNew(
    folder,
    `waymark-backup-${stamp(now)}`,
    encodeBackup({ createdAt: now.toISOString(), keyFile: vault.portable(), auditHead }, database),
  );
  pruneBackups(folder, BACKUPS_KEPT);
  return { fileName, path: join(folder, fileName), bytes: database.length, at: now.toISOString() };
}

/** Keeps the newest `keep` Waymark backups in the folder; leaves every other file alone. */
export function pruneBackups(folder: string, keep: number): string[] {
  const ours = readdirSync(folder).filter(isBackupName).sort();
  const removed = ours.slice(0, Math.max(0, ours.length - keep));
  for (const name of removed) rmSync(join(folder, name), { force: true });
  return removed;
}

export type RestoreSecret = { passphrase: string } | { recoveryKey: string; newPassphrase: string };

/**
 * Restores a backup into `paths` (which must hold no caseload) and returns it open and checked.
 * With the recovery key, the passphrase is replaced as part of the restore.
 */
export async function restoreBackup(
  file: string,
  paths: DataPaths,
  secret: RestoreSecret,
  vaultOptions: Omit<VaultOptions, 'file'> = {},
): Promise<OpenedDatabase> {
  if (!isAbsolute(file))
    throw new AppError('invalid-input', 'Enter the full path of the backup file', 'file');
  if (existsSync(paths.keyFile) || existsSync(paths.database))
    throw new AppError(
      'already-initialised',
      'There is already a caseload here. A backup is restored only where there is none.',
    );
  const { header, database } = decodeBackup(file);
  const vault = new Vault({ ...vaultOptions, file: paths.keyFile });
  const anchor = anchorFileFor(paths.database);
  const written: string[] = [];
  const undo = () => {
    for (const f of [...written, `${paths.database}-wal`, `${paths.database}-shm`])
      rmSync(f, { force: true });
    for (const f of readdirSync(dirname(paths.database)))
      if (f.startsWith(`${basename(paths.database)}.before-`))
        rmSync(join(dirname(paths.database), f), { force: true });
  };
  try {
    mkdirSync(dirname(paths.database), { recursive: true });
    writePrivate(paths.database, database);
    written.push(paths.database);
    if (header.auditHead !== null) {
      writePrivate(anchor, Buffer.from(header.auditHead, 'utf8'));
      written.push(anchor);
    }
    await vault.install(header.keyFile);
    written.push(paths.keyFile);
    const key =
      'passphrase' in secret
        ? await vault.unlock(secret.passphrase)
        : await vault.recover(secret.recoveryKey, secret.newPassphrase);
    let opened: OpenedDatabase;
    try {
      opened = await openDatabase({ file: paths.database, key });
    } finally {
      key.fill(0);
    }
    try {
      const problem = new AuditAnchor(anchor, opened.auditKey).check(opened.raw);
      const verified = problem ? null : await verifyAuditLog(opened.db);
      if (problem || !verified?.ok)
        throw new AppError(
          'refused',
          `The backup was not restored: its audit log does not check (${problem ?? verified?.problem}).`,
        );
    } catch (error) {
      await opened.close();
      throw error;
    }
    return opened;
  } catch (error) {
    undo();
    throw error;
  }
}

function writePrivate(file: string, data: Buffer): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
