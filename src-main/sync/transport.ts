/**
 * HTTP to the central service: JSON in, zod-checked JSON out, a 30-second timeout that aborts
 * the request (safe: every push is idempotent by seq and id), and errors sorted into the few
 * kinds the sync loop acts on. Messages never quote a request or response body.
 */
import type { z } from 'zod';
import { errorBodySchema, type ErrorBody } from '@shared/sync/protocol';

export const REQUEST_TIMEOUT_MS = 30_000;

/** The server could not be reached, did not answer in time, or answered with something broken. */
export class SyncUnreachable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncUnreachable';
  }
}

/** The server answered with an error status and a protocol error body. */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    /** From Retry-After, in milliseconds, when the server sent one. */
    readonly retryAfterMs: number | null,
  ) {
    super(body.message);
    this.name = 'SyncHttpError';
  }

  get code(): ErrorBody['code'] {
    return this.body.code;
  }

  /** Worth trying again later: overload, unavailability, a server fault. */
  get transient(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export interface TransportOptions {
  baseUrl: string;
  token?: string | null;
  timeoutMs?: number;
  /** The device's clock (injected in tests), for the offset from the server's time. */
  now?: () => number;
}

export class Transport {
  constructor(private readonly options: TransportOptions) {}

  async request<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    schema: S,
  ): Promise<{ value: z.output<S>; sentAt: number; receivedAt: number }> {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(),
      this.options.timeoutMs ?? REQUEST_TIMEOUT_MS,
    );
    const now = this.options.now ?? Date.now;
    const sentAt = now();
    try {
      let response: Response;
      try {
        response = await fetch(new URL(path, this.options.baseUrl), {
          method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
        });
      } catch (error) {
        throw new SyncUnreachable(
          controller.signal.aborted
            ? 'The sync server did not answer in time'
            : `The sync server could not be reached (${(error as { cause?: { code?: string } }).cause?.code ?? 'network error'})`,
        );
      }
      let text: string;
      try {
        text = await response.text();
      } catch {
        throw new SyncUnreachable('The connection to the sync server broke during a reply');
      }
      const receivedAt = now();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new SyncUnreachable(
          `The sync server sent a reply that could not be read (HTTP ${response.status})`,
        );
      }
      if (!response.ok) {
        const parsed = errorBodySchema.safeParse(json);
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), receivedAt);
        if (!parsed.success) {
          if (response.status >= 500 || response.status === 429)
            throw new SyncHttpError(
              response.status,
              {
                code: response.status === 429 ? 'unavailable' : 'internal',
                message: 'Server error',
              },
              retryAfterMs,
            );
          throw new SyncUnreachable(
            `The sync server answered with an unexpected error (HTTP ${response.status})`,
          );
        }
        throw new SyncHttpError(response.status, parsed.data, retryAfterMs);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success)
        throw new SyncUnreachable(
          'The sync server sent a reply in a form this version does not know',
        );
      return { value: parsed.data, sentAt, receivedAt };
    } finally {
      clearTimeout(timer);
    }
  }
}
