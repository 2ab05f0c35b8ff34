/**
 * Runs a batch of documents on a worker thread so the main process (and the window) stays
 * responsive. The worker gets only the snapshots it prints, never a database handle.
 *
 * Where the worker code is: from source (vitest, tsx, the command line) it is batch-worker.ts,
 * run through tsx's loader; in the built app it is out/main/pdf-batch-worker.js, a separate
 * entry the build must list (electron.vite.config.ts: main input
 * `'pdf-batch-worker': 'src-main/pdf/batch-worker.ts'`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentSnapshot } from './documents';
import type { BatchWorkerData, FromWorker } from './batch-protocol';

export function workerEntry(): { file: string; execArgv: string[] } {
  const self = fileURLToPath(import.meta.url);
  if (self.endsWith('.ts'))
    return {
      file: fileURLToPath(new URL('./batch-worker.ts', import.meta.url)),
      execArgv: ['--import', 'tsx'],
    };
  // The bundler may put this module in out/main or in a chunk folder beneath it.
  const built = ['./pdf-batch-worker.js', '../pdf-batch-worker.js']
    .map((rel) => fileURLToPath(new URL(rel, import.meta.url)))
    .find((file) => existsSync(file));
  if (!built) throw new Error('The batch worker (pdf-batch-worker.js) is missing from the build');
  return { file: built, execArgv: [] };
}

export interface BatchEvents {
  onDocument(index: number, bytes: Uint8Array, sha256: string): Promise<void> | void;
  onPrintFile?(bytes: Uint8Array): void;
}

export interface RunningBatch {
  cancel(): void;
  /** 'finished', or 'cancelled' after the documents done so far; rejects if rendering failed. */
  done: Promise<'finished' | 'cancelled'>;
}

/** How many workers a batch of separate PDFs may use: every core but one, at least one. */
function workerCount(documents: number): number {
  const cores = availableParallelism();
  // Below ~25 documents a second worker's start-up costs more than it saves.
  return Math.max(1, Math.min(cores, 4, Math.ceil(documents / 25)));
}

export function runBatch(
  snapshots: DocumentSnapshot[],
  opts: { fontDir: string; single: boolean; workers?: number },
  events: BatchEvents,
): RunningBatch {
  // One print file is assembled by one worker in order; separate PDFs are split across workers
  // in contiguous runs (P6: 500 letters took 11.3 s on one worker, the floor is 10 s).
  const count = opts.single ? 1 : (opts.workers ?? workerCount(snapshots.length));
  const size = Math.ceil(snapshots.length / count) || 1;
  const parts = Array.from({ length: count }, (_, k) => ({
    offset: k * size,
    snapshots: snapshots.slice(k * size, (k + 1) * size),
  })).filter((p) => p.snapshots.length > 0 || count === 1);
  const entry = workerEntry();
  const workers = parts.map(
    (part) =>
      new Worker(entry.file, {
        workerData: {
          fontDir: opts.fontDir,
          snapshots: part.snapshots,
          single: opts.single,
        } satisfies BatchWorkerData,
        execArgv: entry.execArgv,
      }),
  );
  // Documents reach the caller one after another in batch order, so the letter log keeps it,
  // whichever worker finished first.
  let chain: Promise<void> = Promise.resolve();
  const ready = new Map<number, { bytes: Uint8Array; sha256: string }>();
  let next = 0;
  const release = () => {
    for (let doc = ready.get(next); doc; doc = ready.get(next)) {
      const index = next++;
      ready.delete(index);
      chain = chain.then(() => events.onDocument(index, doc!.bytes, doc!.sha256));
    }
  };
  const done = new Promise<'finished' | 'cancelled'>((resolve, reject) => {
    let open = workers.length;
    let outcome: 'finished' | 'cancelled' = 'finished';
    let failed = false;
    const stopAll = () => workers.forEach((w) => void w.terminate());
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      stopAll();
      chain.then(() => reject(error), reject);
    };
    const ended = (how: 'finished' | 'cancelled') => {
      if (how === 'cancelled') outcome = 'cancelled';
      if (--open === 0 && !failed) chain.then(() => resolve(outcome), reject);
    };
    workers.forEach((worker, k) => {
      const offset = parts[k]!.offset;
      let settled = false; // this worker said finished or cancelled: its exit is expected
      worker.on('message', (m: FromWorker) => {
        switch (m.type) {
          case 'document':
            ready.set(offset + m.index, { bytes: m.bytes, sha256: m.sha256 });
            release();
            break;
          case 'print-file':
            chain = chain.then(() => events.onPrintFile?.(m.bytes));
            break;
          case 'finished':
          case 'cancelled':
            settled = true;
            void worker.terminate();
            return ended(m.type);
          case 'failed':
            return fail(
              new Error(
                m.index === null
                  ? `The batch failed: ${m.message}`
                  : `Document ${offset + m.index + 1} could not be made: ${m.message}`,
              ),
            );
        }
      });
      worker.on('error', (e) => fail(e));
      worker.on('exit', (code) => {
        if (code !== 0 && !settled) fail(new Error(`The batch worker stopped (${code})`));
      });
    });
  });
  return { cancel: () => workers.forEach((w) => w.postMessage({ type: 'cancel' })), done };
}
