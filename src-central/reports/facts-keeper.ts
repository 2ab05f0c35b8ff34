/**
 * Keeps the report facts current while `central serve` runs, so a manager's report is a count
 * and not a wait: refreshed at start, then every few minutes (picking up what devices pushed,
 * and rebuilding once when the day changes in London). A failed refresh is retried at the next
 * tick; the report itself still refreshes before counting, so it is never stale, only slower.
 */
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema';
import { londonDate } from '@shared/domain/identity/civil-date';
import { refreshReportFacts } from './facts';

export const REFRESH_EVERY_MS = 5 * 60_000;

export interface FactsKeeper {
  /** Waits for a refresh in progress, then stops. */
  stop(): Promise<void>;
}

export function keepReportFactsCurrent(
  db: Kysely<CentralDatabase>,
  options: { everyMs?: number; now?: () => Date; onError?: (error: unknown) => void } = {},
): FactsKeeper {
  const now = options.now ?? (() => new Date());
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = refreshReportFacts(db, londonDate(now())).catch((error: unknown) => {
      // No organisation yet is normal before `init`; anything else is reported, without data.
      if ((error as { code?: unknown }).code !== 'not-initialised') options.onError?.(error);
    });
  };
  tick();
  const timer = setInterval(tick, options.everyMs ?? REFRESH_EVERY_MS);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
