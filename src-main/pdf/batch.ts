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

export function runBatch(
  snapshots: DocumentSnapshot[],
  opts: { fontDir: string; single: boolean },
  events: BatchEvents,
): RunningBatch {
  const entry = workerEntry();
  const data: BatchWorkerData = { fontDir: opts.fontDir, snapshots, single: opts.single };
  const worker = new Worker(entry.file, { workerData: data, execArgv: entry.execArgv });
  // Documents are handled one after another so the letter log keeps the batch's order.
  let chain: Promise<void> = Promise.resolve();
  const done = new Promise<'finished' | 'cancelled'>((resolve, reject) => {
    const settle = (fn: () => void) => {
      chain.then(fn, reject);
      void worker.terminate();
    };
    worker.on('message', (m: FromWorker) => {
      switch (m.type) {
        case 'document':
          chain = chain.then(() => events.onDocument(m.index, m.bytes, m.sha256));
          break;
        case 'print-file':
          chain = chain.then(() => events.onPrintFile?.(m.bytes));
          break;
        case 'finished':
          return settle(() => resolve('finished'));
        case 'cancelled':
          return settle(() => resolve('cancelled'));
        case 'failed':
          return settle(() =>
            reject(
              new Error(
                m.index === null
                  ? `The batch failed: ${m.message}`
                  : `Document ${m.index + 1} could not be made: ${m.message}`,
              ),
            ),
          );
      }
    });
    worker.on('error', (e) => reject(e));
    worker.on('exit', (code) => {
      if (code !== 0) chain.then(() => reject(new Error(`The batch worker stopped (${code})`)));
    });
  });
  return { cancel: () => worker.postMessage({ type: 'cancel' }), done };
}
