/**
 * Imports a referral batch. Rows are written in small batches, each one transaction that also
 * advances the import's progress record, so a crash at any point leaves whole rows only and a
 * re-import carries on where it stopped (the referral id makes rows idempotent).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { v7 as uuidv7 } from 'uuid';
import { AppError, notFound } from '../../errors';
import type { WritePath } from '../../write-path/write-path';
import type { ParticipantService } from './participants';
import { errorReportCsv, parseReferralCsv, type ParsedRow } from './referral-csv';
import {
  addBatchCounts,
  endImport,
  importErrors,
  importProgress,
  insertImport,
  runningImportIds,
} from '../../db/repositories/referral-imports';
import type { ImportProgress, ImportRowError } from '@shared/ipc/channels/import';

const BATCH = 100;

export class ReferralImportService {
  private readonly cancelled = new Set<string>();
  private readonly running = new Map<string, Promise<ImportProgress>>();

  constructor(
    private readonly wp: WritePath,
    private readonly participants: ParticipantService,
  ) {}

  /** Starts an import and returns at once; the work continues between IPC calls. */
  async start(fileName: string, content: string): Promise<ImportProgress> {
    const { rows, errors, total } = await parseReferralCsv(content);
    if (total === 0 && errors.length > 0)
      throw new AppError('invalid-input', errors[0]!.message, 'content');
    if (total === 0)
      throw new AppError('invalid-input', 'The file has a header but no referrals', 'content');
    const importId = uuidv7();
    const sha = createHash('sha256').update(content).digest('hex');
    await this.wp.transaction(async (w) => {
      await insertImport(w.trx, {
        id: importId,
        file_name: fileName,
        file_sha256: sha,
        started_at: w.now.toISOString(),
        finished_at: null,
        state: 'running',
        total,
        processed: errors.length,
        imported: 0,
        duplicates: 0,
        failed: new Set(errors.map((e) => e.row)).size,
        errors: JSON.stringify(errors),
      });
      await w.audit('import.start', 'referral_import', importId, {
        rows: total,
        invalidRows: errors.length,
      });
    });
    // A failure is recorded on the import (state 'failed'); the promise itself must not go
    // unhandled, not even when the caseload has closed under it.
    const work = this.run(importId, rows)
      .catch(() => this.progress(importId))
      .catch(() => null)
      .finally(() => this.running.delete(importId));
    this.running.set(importId, work as Promise<ImportProgress>);
    return this.progress(importId);
  }

  /** Resolves when the import has finished (the command line waits; the app polls). */
  async finished(importId: string): Promise<ImportProgress> {
    return (await this.running.get(importId)) ?? this.progress(importId);
  }

  /** Before the caseload closes (lock, quit): every running import stops at its next batch. */
  async stopAll(): Promise<void> {
    for (const id of this.running.keys()) this.cancelled.add(id);
    await Promise.allSettled([...this.running.values()]);
  }

  /** On opening: an import the app was killed in the middle of is marked failed, not running. */
  async markInterrupted(): Promise<void> {
    for (const id of await runningImportIds(this.wp.db)) {
      if (this.running.has(id)) continue;
      await this.wp.transaction(async (w) => {
        await endImport(w.trx, id, 'failed', w.now.toISOString());
        await w.audit('import.interrupted', 'referral_import', id);
      });
    }
  }

  cancel(importId: string): Promise<ImportProgress> {
    this.cancelled.add(importId);
    return this.progress(importId);
  }

  async progress(importId: string, db: Kysely<Database> = this.wp.db): Promise<ImportProgress> {
    const progress = await importProgress(db, importId);
    if (!progress) throw notFound('That import');
    return progress;
  }

  /** The problems to list on screen: the first `limit` (in file order) and how many there are. */
  async errorList(
    importId: string,
    limit: number,
  ): Promise<{ total: number; shown: ImportRowError[] }> {
    const errors = await importErrors(this.wp.db, importId);
    if (!errors) throw notFound('That import');
    const all = errors.sort((a, b) => a.row - b.row);
    return { total: all.length, shown: all.slice(0, limit) };
  }

  async errorReport(importId: string): Promise<string> {
    const errors = await importErrors(this.wp.db, importId);
    if (!errors) throw notFound('That import');
    return errorReportCsv(errors);
  }

  private async run(importId: string, rows: ParsedRow[]): Promise<ImportProgress> {
    try {
      for (let i = 0; i < rows.length; i += BATCH) {
        if (this.cancelled.has(importId)) return await this.finish(importId, 'cancelled');
        const batch = rows.slice(i, i + BATCH);
        await this.wp.transaction(async (w) => {
          let imported = 0;
          let duplicates = 0;
          for (const { referral } of batch) {
            if ((await this.participants.createIfNew(w, referral, 'import')) === null) duplicates++;
            else imported++;
          }
          await addBatchCounts(w.trx, importId, {
            processed: batch.length,
            imported,
            duplicates,
          });
        });
        // Let progress and other calls be answered between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return await this.finish(importId, 'finished');
    } catch {
      // Rows already committed stay (whole rows only); importing the file again carries on.
      return await this.finish(importId, 'failed');
    } finally {
      this.cancelled.delete(importId);
    }
  }

  private async finish(importId: string, state: ImportProgress['state']): Promise<ImportProgress> {
    await this.wp.transaction(async (w) => {
      await endImport(w.trx, importId, state, w.now.toISOString());
      const p = await this.progress(importId, w.trx);
      await w.audit(`import.${state}`, 'referral_import', importId, {
        imported: p.imported,
        duplicates: p.duplicates,
        failed: p.failed,
      });
    });
    return this.progress(importId);
  }
}
