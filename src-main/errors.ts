import type { ErrorCode, IpcError } from '@shared/ipc/result';

/** An error meant for the adviser: its message is safe to show and contains no personal data. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toIpc(): IpcError {
    return this.field
      ? { code: this.code, message: this.message, field: this.field }
      : { code: this.code, message: this.message };
  }
}

export const notFound = (what: string) => new AppError('not-found', `${what} was not found`);
