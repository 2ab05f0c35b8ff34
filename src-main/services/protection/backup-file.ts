/**
 * The backup file: one file that restores a caseload on another computer. Layout:
 *
 *   "WAYMARK-BACKUP\n" | header length (uint32, big-endian) | header (JSON) | database
 *
 * The database part is a VACUUM INTO copy of the caseload: sqlite3mc writes it encrypted with
 * the caseload's own cipher and key, so it is noise without the key. The header carries the key
 * file in its portable form (the passphrase wrap and the recovery wrap, never the key itself),
 * the audit chain head kept beside the caseload (its HMAC key comes from the database key, so it
 * still checks after a restore) and a SHA-256 of the database part, which catches a damaged copy
 * (a USB stick pulled out too early) before anything is written.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AppError } from '../../errors';

export const BACKUP_MAGIC = Buffer.from('WAYMARK-BACKUP\n', 'latin1');
export const BACKUP_EXTENSION = '.wmbackup';

export interface BackupHeader {
  format: 1;
  createdAt: string;
  /** The key file, portable form (JSON text). */
  keyFile: string;
  /** The audit head file beside the caseload (JSON text), or null if there was none. */
  auditHead: string | null;
  database: { bytes: number; sha256: string };
}

export function encodeBackup(
  header: Omit<BackupHeader, 'format' | 'database'>,
  database: Buffer,
): Buffer {
  const full: BackupHeader = {
    format: 1,
    ...header,
    database: { bytes: database.length, sha256: sha256(database) },
  };
  const json = Buffer.from(JSON.stringify(full), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([BACKUP_MAGIC, length, json, database]);
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

const notABackup = (why: string) =>
  new AppError(
    'invalid-input',
    `That file is not a Waymark backup Waymark can restore: ${why}`,
    'file',
  );

/** Reads and checks a backup; refuses a damaged or foreign file before anything is written. */
export function decodeBackup(file: string): { header: BackupHeader; database: Buffer } {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    throw new AppError('not-found', 'There is no backup file at that place', 'file');
  }
  if (
    data.length < BACKUP_MAGIC.length + 4 ||
    !data.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)
  )
    throw notABackup('it does not start as one');
  const length = data.readUInt32BE(BACKUP_MAGIC.length);
  const start = BACKUP_MAGIC.length + 4;
  if (start + length > data.length) throw notABackup('it is cut short');
  let header: BackupHeader;
  try {
    header = JSON.parse(data.subarray(start, start + length).toString('utf8')) as BackupHeader;
  } catch {
    throw notABackup('its header cannot be read');
  }
  if (header?.format !== 1 || typeof header.keyFile !== 'string' || !header.database)
    throw notABackup('its header is not one this version knows');
  const database = data.subarray(start + length);
  if (database.length !== header.database.bytes) throw notABackup('it is cut short');
  if (sha256(database) !== header.database.sha256)
    throw notABackup('it has been damaged since it was made');
  return { header, database };
}
