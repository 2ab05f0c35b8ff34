/**
 * A referral batch to import: the CSV file's name and its text. Shared by the import page (which
 * reads the file the adviser chose) and the IPC boundary.
 */
import { z } from 'zod';

/** 20 MB is ~100,000 referral rows: far beyond a Jobcentre batch, small enough for one IPC message. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const TOO_BIG = 'The file is larger than 20 MB';

export const importStartSchema = z
  .object({
    fileName: z
      .string()
      .trim()
      .min(1, 'Select a CSV file of referrals')
      .max(255, 'The file name is too long: rename it to fewer than 255 characters'),
    content: z.string().min(1, 'The file is empty').max(MAX_IMPORT_BYTES, TOO_BIG),
  })
  .strict();
export type ImportStart = z.output<typeof importStartSchema>;
