/**
 * Worker entry: renders a batch of document snapshots off the main thread, one message per
 * document (bytes transferred, not copied), and stops between documents when told to cancel.
 * Built as its own entry (electron-vite: main input 'pdf-batch-worker'); see batch.ts.
 */
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { buildDocument } from './documents';
import { createPdfRenderer } from './render';
import { concatenatePdfs } from './print-file';
import type { BatchWorkerData, FromWorker, ToWorker } from './batch-protocol';

const port = parentPort!;
const data = workerData as BatchWorkerData;
let cancelled = false;
port.on('message', (m: ToWorker) => {
  if (m.type === 'cancel') cancelled = true;
});

const send = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

async function run(): Promise<void> {
  const renderer = createPdfRenderer(data.fontDir);
  const kept: Uint8Array[] = [];
  for (let index = 0; index < data.snapshots.length; index++) {
    // Yield so a 'cancel' message is seen between documents.
    await new Promise((r) => setImmediate(r));
    if (cancelled) return send({ type: 'cancelled', done: index });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await renderer.render(buildDocument(data.snapshots[index]!)));
    } catch (error) {
      return send({ type: 'failed', index, message: (error as Error).message });
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (data.single) {
      kept.push(bytes);
      send({ type: 'document', index, bytes: bytes.slice(), sha256 });
    } else send({ type: 'document', index, bytes, sha256 }, [bytes.buffer as ArrayBuffer]);
  }
  if (data.single) {
    const file = await concatenatePdfs(kept);
    send({ type: 'print-file', bytes: file }, [file.buffer as ArrayBuffer]);
  }
  send({ type: 'finished' });
}

run().catch((error: unknown) =>
  send({ type: 'failed', index: null, message: (error as Error).message }),
);
