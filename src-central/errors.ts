/** Errors the central service reports: a stable code, plain English, never participant data. */
import type { ErrorCode } from '@shared/sync/protocol';

export type AdminErrorCode = 'invalid-input' | 'not-found' | 'refused' | 'not-initialised';

/** A refusal from an administrative operation (CLI exit codes follow the device CLI). */
export class AdminError extends Error {
  constructor(
    readonly code: AdminErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** An HTTP-level refusal with the protocol's error body. */
export class SyncError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: { appliedThrough?: number; epoch?: string; serverTime?: string } = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
