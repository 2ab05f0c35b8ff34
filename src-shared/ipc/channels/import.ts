import { z } from 'zod';
import { channel, returns } from '../define';

import { importStartSchema } from '../../schemas/import';

export { MAX_IMPORT_BYTES } from '../../schemas/import';

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
  'import:start': channel(importStartSchema, returns<ImportProgress>()),
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
