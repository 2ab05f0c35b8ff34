/**
 * What the backup screens ask for: a backup folder and how often, a backup now, and a restore
 * from a backup file with its passphrase. Paths are typed by the adviser (a folder on a USB
 * stick, a backup file); the main process checks they exist. Shared by the forms and the IPC
 * boundary.
 */
import { z } from 'zod';

const path = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}`)
    .max(1024, `The ${what} is too long`)
    .refine((p) => !p.includes('\0'), `That is not a ${what}`);

export const BACKUP_EVERY_DAYS = [1, 7] as const;

/** folder null turns scheduled backups off. */
export const backupConfigureSchema = z
  .object({
    folder: path('backup folder').nullable(),
    everyDays: z.union([z.literal(1), z.literal(7)], {
      error: 'Choose how often to make a backup',
    }),
  })
  .strict();
export type BackupConfigureInput = z.output<typeof backupConfigureSchema>;

/** A backup now, to this folder or (none given) the scheduled one. */
export const backupNowSchema = z.object({ folder: path('backup folder').optional() }).strict();

export const restoreSchema = z
  .object({
    file: path('backup file'),
    passphrase: z.string().min(1, 'Enter the passphrase').max(1024, 'Use at most 1024 characters'),
  })
  .strict();
export type RestoreInput = z.output<typeof restoreSchema>;
