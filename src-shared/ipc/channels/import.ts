import { z } from 'zod';
import { channel, returns } from '../define';

/** 20 MB is ~100,000 referral rows: far beyond a Jobcentre batch, small enough for one IPC message. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface ImportRowError {
  row: number;
  referralId: string | null;
  field: string;
  message: string;
}

export interface ImportProgress {
  importId: string;
  state: 'running' | 'finished' | 'cancelled' | 'failed';
  total: number;
  processed: number;
  imported: number;
  duplicates: number;
  failed: number;
}

export const importChannels = {
  'import:start': channel(
    z
      .object({
        fileName: z.string().trim().min(1).max(255),
        content: z
          .string()
          .min(1, 'The file is empty')
          .max(MAX_IMPORT_BYTES, 'The file is larger than 20 MB'),
      })
      .strict(),
    returns<ImportProgress>(),
  ),
  'import:progress': channel(
    z.object({ importId: z.string().uuid() }).strict(),
    returns<ImportProgress>(),
  ),
  'import:cancel': channel(
    z.object({ importId: z.string().uuid() }).strict(),
    returns<ImportProgress>(),
  ),
  /** The per-row error report as CSV text, for the adviser to download and fix. */
  'import:errorReport': channel(
    z.object({ importId: z.string().uuid() }).strict(),
    returns<string>(),
  ),
  /** The per-row problems to list on screen (the first 500; the CSV report has every one). */
  'import:errors': channel(
    z.object({ importId: z.string().uuid() }).strict(),
    returns<{ total: number; shown: ImportRowError[] }>(),
  ),
};

/** How many problems the import page lists; the downloadable report has them all. */
export const IMPORT_ERRORS_SHOWN = 500;
