/**
 * Backup, restore and recovery. Paths are typed by the user (a folder on a USB stick, a backup
 * file); the main process checks them. Restore and recovery work before anyone is signed in (a
 * new computer, a forgotten passphrase); everything else needs an unlocked caseload.
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import type { SessionStatus } from './session';
import { backupConfigureSchema, backupNowSchema, restoreSchema } from '../../schemas/backup';

export interface BackupStatus {
  folder: string | null;
  everyDays: 1 | 7;
  /** ISO instant of the last backup made here, or null. */
  lastAt: string | null;
  lastFile: string | null;
  /** Why the last scheduled backup failed (for example, the USB stick was out), or null. */
  lastProblem: string | null;
}

export interface BackupMadeView {
  fileName: string;
  bytes: number;
  at: string;
}

export const backupChannels = {
  'backup:status': channel(z.object({}).strict(), returns<BackupStatus>()),
  /** folder null turns scheduled backups off. */
  'backup:configure': channel(backupConfigureSchema, returns<BackupStatus>()),
  /** A backup now, to this folder or (none given) the scheduled one. */
  'backup:now': channel(backupNowSchema, returns<BackupMadeView>()),
  /** Only where there is no caseload yet; opens the restored caseload. */
  'backup:restore': channel(restoreSchema, returns<SessionStatus>()),
};
