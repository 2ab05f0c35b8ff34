/** The shape of every IPC answer: handlers never throw across the process boundary. */
export type ErrorCode =
  | 'invalid-input'
  | 'unknown-channel'
  | 'forbidden-sender'
  /** The signed-in user's role does not give access to this channel or record. */
  | 'forbidden'
  | 'locked'
  | 'not-initialised'
  | 'already-initialised'
  | 'wrong-passphrase'
  | 'too-many-attempts'
  | 'not-found'
  | 'conflict'
  | 'immutable'
  | 'refused'
  | 'internal';

export interface IpcError {
  code: ErrorCode;
  message: string;
  /** Dotted path of the offending input field, where one is to blame. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: IpcError): Result<never> => ({ ok: false, error });
