/**
 * `sync` and `sync-status` (central-cli.md): enrol a caseload with a central service, push and
 * pull until nothing is pending, and report what is waiting. Exit 8 means the server could not be
 * reached or stopped answering part-way; nothing is lost and running it again carries on.
 */
import type { Command } from 'commander';
import { SyncClient, SyncStopped, type SyncClientOptions } from '../../sync/client';
import { NO_BACKOFF } from '../../sync/backoff';
import { scopeCounts, syncSummary } from '../../sync/status';
import { SyncHttpError, SyncUnreachable } from '../../sync/transport';
import { CliError, EXIT, withCaseload, writeJson } from '../io';

/** Test and scripting knobs, read from the environment (never needed in normal use). */
function clientOptionsFromEnv(): SyncClientOptions {
  const env = process.env;
  return {
    ...(env.WAYMARK_SYNC_NO_BACKOFF === '1' ? { backoff: NO_BACKOFF } : {}),
    ...(env.WAYMARK_SYNC_BATCH ? { batchSize: Number(env.WAYMARK_SYNC_BATCH) } : {}),
    ...(env.WAYMARK_SYNC_PULL_LIMIT ? { pullLimit: Number(env.WAYMARK_SYNC_PULL_LIMIT) } : {}),
    ...(env.WAYMARK_SYNC_TIMEOUT_MS ? { timeoutMs: Number(env.WAYMARK_SYNC_TIMEOUT_MS) } : {}),
    ...(env.WAYMARK_SYNC_RETRIES ? { maxRetries: Number(env.WAYMARK_SYNC_RETRIES) } : {}),
  };
}

const unreachable = (error: unknown) =>
  error instanceof SyncUnreachable || (error instanceof SyncHttpError && error.transient);

export function registerSyncCommands(program: Command): void {
  program
    .command('sync')
    .description('enrol with a central service (first time) and sync until nothing is pending')
    .requiredOption('--db <file>', 'caseload file')
    .option('--server <url>', 'the central service, e.g. http://127.0.0.1:8080')
    .option('--code <code>', 'a one-time enrolment code from `central enrol`')
    .action(async (o: { db: string; server?: string; code?: string }) => {
      if (Boolean(o.server) !== Boolean(o.code))
        throw new CliError(EXIT.usage, 'Give --server and --code together to enrol');
      if (o.server && !/^https?:\/\//.test(o.server))
        throw new CliError(EXIT.invalidInput, 'The server must be an http:// or https:// address');
      await withCaseload(o.db, async ({ services }) => {
        const client = new SyncClient(services.wp, clientOptionsFromEnv());
        let failure: unknown = null;
        let result = { pushed: 0, pulled: 0 };
        try {
          if (o.server && o.code) await client.enrol(o.server, o.code);
          result = await client.sync();
        } catch (error) {
          failure = error;
        }
        const summary = await syncSummary(services.wp.db);
        if (!summary.enrolled) throw asCliError(failure);
        writeJson({
          pushed: result.pushed,
          pulled: result.pulled,
          pending: summary.pending,
          conflicts: summary.conflicts,
          quarantined: summary.quarantined,
          lastSyncedAt: summary.lastSyncedAt,
        });
        if (failure) throw asCliError(failure);
        if (summary.pending > 0)
          throw new CliError(EXIT.unreachable, 'Some changes are still waiting to sync');
      });
    });

  program
    .command('sync-status')
    .description('what is waiting to sync, conflicts, quarantined changes and record counts')
    .requiredOption('--db <file>', 'caseload file')
    .action(async (o: { db: string }) =>
      withCaseload(o.db, async ({ services }) => {
        const summary = await syncSummary(services.wp.db);
        writeJson({
          pending: summary.pending,
          conflicts: summary.conflicts,
          quarantined: summary.quarantined,
          lastSyncedAt: summary.lastSyncedAt,
          counts: await scopeCounts(services.wp.db),
        });
      }),
    );
}

function asCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (unreachable(error))
    return new CliError(
      EXIT.unreachable,
      `${(error as Error).message}. Nothing is lost; run sync again to carry on.`,
    );
  if (error instanceof SyncStopped) return new CliError(EXIT.refused, error.message);
  if (error instanceof SyncHttpError)
    return new CliError(EXIT.refused, `The sync server refused the request (${error.code})`);
  return new CliError(EXIT.failure, error instanceof Error ? error.message : 'Sync failed');
}
