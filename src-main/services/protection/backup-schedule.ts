/**
 * Scheduled backups: the folder and how often are kept in the caseload (so only an unlocked
 * session changes them, and they travel with a restore). While the caseload is open a backup is
 * made when one is due; a folder that is missing (the USB stick is out) is tried again at the
 * next check and reported on the backup screen, never as an interruption.
 */
import type { Unlocked } from '../../app/session';
import type { Vault } from '../../vault/vault';
import { AppError } from '../../errors';
import { makeBackup, type BackupMade } from './backup';
import type { BackupMadeView } from '@shared/ipc/channels/backup';

export const BACKUP_FREQUENCIES = [1, 7] as const;
export type BackupEveryDays = (typeof BACKUP_FREQUENCIES)[number];

export interface BackupSettings {
  /** Absolute folder path, or null when scheduled backups are off. */
  folder: string | null;
  everyDays: BackupEveryDays;
  lastAt: string | null;
  lastFile: string | null;
  /** Why the last scheduled attempt failed (no participant data), or null. */
  lastProblem: string | null;
}

const KEYS = {
  folder: 'backup_folder',
  everyDays: 'backup_every_days',
  lastAt: 'backup_last_at',
  lastFile: 'backup_last_file',
  lastProblem: 'backup_last_problem',
} as const;

const DAY_MS = 86_400_000;

/** Due when none was made yet, or `everyDays` have passed since the last one. */
export function backupDue(settings: BackupSettings, now: Date): boolean {
  if (!settings.folder) return false;
  if (!settings.lastAt) return true;
  return now.getTime() - Date.parse(settings.lastAt) >= settings.everyDays * DAY_MS;
}

function readMetaSync(u: Unlocked, key: string): string | null {
  const row = u.opened.raw.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function backupSettings(u: Unlocked): BackupSettings {
  const every = Number(readMetaSync(u, KEYS.everyDays));
  return {
    folder: readMetaSync(u, KEYS.folder),
    everyDays: every === 1 ? 1 : 7,
    lastAt: readMetaSync(u, KEYS.lastAt),
    lastFile: readMetaSync(u, KEYS.lastFile),
    lastProblem: readMetaSync(u, KEYS.lastProblem),
  };
}

async function setMeta(u: Unlocked, values: Partial<Record<keyof typeof KEYS, string | null>>) {
  await u.services.wp.transaction(async (w) => {
    for (const [name, value] of Object.entries(values)) {
      const key = KEYS[name as keyof typeof KEYS];
      if (value === null) await w.trx.deleteFrom('meta').where('key', '=', key).execute();
      else
        await w.trx
          .insertInto('meta')
          .values({ key, value })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
          .execute();
    }
  });
}

export async function configureBackups(
  u: Unlocked,
  folder: string | null,
  everyDays: BackupEveryDays,
): Promise<BackupSettings> {
  await setMeta(u, { folder, everyDays: String(everyDays), lastProblem: null });
  await u.services.wp.transaction((w) =>
    w.audit('backup.configure', 'backup', null, { scheduled: folder !== null, everyDays }),
  );
  return backupSettings(u);
}

/** A backup now, to `folder` or the configured one; recorded and audited. */
export async function backupNow(
  u: Unlocked,
  vault: Vault,
  now: Date,
  folder?: string,
  via: 'adviser' | 'schedule' | 'cli' = 'adviser',
): Promise<BackupMade> {
  const target = folder ?? backupSettings(u).folder;
  if (!target)
    throw new AppError('invalid-input', 'Choose a folder to save the backup in', 'folder');
  const made = makeBackup(u.opened, vault, target, now);
  await setMeta(u, { lastAt: made.at, lastFile: made.fileName, lastProblem: null });
  // The file name and size only: the folder path can name a person's computer or stick.
  await u.services.wp.transaction((w) =>
    w.audit('backup.create', 'backup', null, { via, file: made.fileName, bytes: made.bytes }),
  );
  return made;
}

/** The adviser's "Back up now": what the screen shows, never the folder's path. */
export async function backupNowFromScreen(
  u: Unlocked,
  vault: Vault,
  folder?: string,
): Promise<BackupMadeView> {
  const made = await backupNow(u, vault, new Date(), folder);
  return { fileName: made.fileName, bytes: made.bytes, at: made.at };
}

/** Called on unlock and on a timer: makes the scheduled backup if due; never throws. */
export async function runScheduledBackup(
  u: Unlocked,
  vault: Vault,
  now: Date,
): Promise<BackupMade | null> {
  const settings = backupSettings(u);
  if (!backupDue(settings, now)) return null;
  try {
    return await backupNow(u, vault, now, undefined, 'schedule');
  } catch (error) {
    const problem =
      error instanceof AppError ? error.message : 'The scheduled backup could not be made.';
    try {
      await setMeta(u, { lastProblem: problem });
    } catch {
      // The caseload closed meanwhile (a lock): the next check tries again.
    }
    return null;
  }
}
