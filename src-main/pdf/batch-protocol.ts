/** Messages between the batch runner (main thread) and the render worker. */
import type { DocumentSnapshot } from './documents';

export interface BatchWorkerData {
  fontDir: string;
  /** Only what the documents print: built by the main thread from the caseload. */
  snapshots: DocumentSnapshot[];
  /** Also concatenate every document into one print file at the end. */
  single: boolean;
}

export type FromWorker =
  | { type: 'document'; index: number; bytes: Uint8Array; sha256: string }
  | { type: 'print-file'; bytes: Uint8Array }
  | { type: 'cancelled'; done: number }
  | { type: 'finished' }
  | { type: 'failed'; index: number | null; message: string };

export type ToWorker = { type: 'cancel' };
