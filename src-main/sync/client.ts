/**
 * The sync client: enrol, then push the outbox in order and pull the server's changes until
 * nothing is pending. One call of `sync()` is one run; the service (service.ts) runs it on a
 * timer, on demand and with backoff. Every step is safe to repeat after a crash or a lost reply:
 * pushes are idempotent by seq and id, and every local step commits with the state it implies.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { hostname } from 'node:os';
import {
  enrolResponseSchema,
  MAX_PUSH_MUTATIONS,
  pullResponseSchema,
  pushResponseSchema,
  scopeHashOf,
  stateResponseSchema,
  SYNC_PATHS,
  SYNC_SCHEMA_VERSION,
  type PushResponse,
} from '@shared/sync/protocol';
import type { WritePath } from '../write-path/write-path';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { offsetFrom, skewMessage } from './clock';
import { crashPoint } from './crash-points';
import {
  firstPendingSeq,
  pendingCount,
  readBatch,
  renumberOutbox,
  settle,
  toMutations,
} from './outbox';
import { applyPage, clearForResync } from './pull';
import { rawHandleOf } from '../db/raw-handle';
import { enrolmentOf, readState, sameServer, updateState, type Enrolment } from './state';
import { SyncHttpError, SyncUnreachable, Transport } from './transport';

export interface SyncClientOptions {
  /** Push batch size (≤ 100). */
  batchSize?: number;
  pullLimit?: number;
  backoff?: BackoffPolicy;
  /** Transient failures retried within one run before it gives up (the CLI then exits 8). */
  maxRetries?: number;
  timeoutMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Progress for the first sync of a large caseload. */
  onProgress?: (p: { phase: 'push' | 'pull'; done: number }) => void;
}

export interface SyncRunResult {
  pushed: number;
  pulled: number;
  conflicts: number;
  quarantined: number;
}

/** A failure the adviser must act on (revoked, wrong code, clock, old version): never retried. */
export class SyncStopped extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SyncStopped';
  }
}

const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');
const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class SyncClient {
  private readonly batchSize: number;
  private readonly pullLimit: number;
  private readonly backoff: BackoffPolicy;
  private readonly maxRetries: number;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly wp: WritePath,
    private readonly options: SyncClientOptions = {},
  ) {
    this.batchSize = Math.min(options.batchSize ?? MAX_PUSH_MUTATIONS, MAX_PUSH_MUTATIONS);
    this.pullLimit = options.pullLimit ?? 1000;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.maxRetries = options.maxRetries ?? 4;
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? defaultSleep;
  }

  private get db() {
    return this.wp.db;
  }

  private transport(e: { serverUrl: string; token?: string | null }) {
    return new Transport({
      baseUrl: e.serverUrl,
      token: e.token,
      timeoutMs: this.options.timeoutMs,
      now: () => this.now().getTime(),
    });
  }

  /**
   * Enrols with a one-time code. The device key is stored before the call, so a retry after a
   * lost reply presents the same key and the server completes the same enrolment. Once enrolled
   * with this server, a code given again is ignored.
   */
  async enrol(
    serverUrl: string,
    code: string,
  ): Promise<{ deviceId: string; alreadyEnrolled: boolean }> {
    const url = new URL(serverUrl).toString();
    let state = await readState(this.db);
    const existing = enrolmentOf(state);
    if (existing) {
      if (sameServer(existing.serverUrl, url))
        return { deviceId: existing.deviceId, alreadyEnrolled: true };
      throw new SyncStopped(
        'enrolled_elsewhere',
        'This caseload is already enrolled with a different sync server',
      );
    }
    if (!state.device_key || !state.server_url || !sameServer(state.server_url, url)) {
      await updateState(this.db, {
        device_key: state.device_key ?? randomBytes(32).toString('hex'),
        server_url: url,
      });
      state = await readState(this.db);
    }
    crashPoint('after-enrol-key');
    const reply = await this.withRetries(() =>
      this.transport({ serverUrl: url }).request(
        'POST',
        SYNC_PATHS.enrol,
        {
          code,
          deviceKey: state.device_key!,
          deviceName: hostname().slice(0, 200) || 'Waymark device',
        },
        enrolResponseSchema,
      ),
    ).catch((error: unknown) => {
      if (error instanceof SyncHttpError && !error.transient)
        throw new SyncStopped(error.code, enrolmentMessage(error.code, error.message));
      throw error;
    });
    crashPoint('after-enrol-response');
    const e = reply.value;
    await this.wp.transaction(async (w) => {
      await updateState(w.trx, {
        device_id: e.deviceId,
        token: e.token,
        adviser_id: e.adviser.id,
        adviser_name: e.adviser.name,
        server_role: e.adviser.role,
        organisation_name: e.organisation.name,
        epoch: e.epoch,
        clock_offset_ms: offsetFrom(e.serverTime, reply.sentAt, reply.receivedAt),
        enrolled_at: this.now().toISOString(),
        revoked: 0,
      });
      await w.audit('sync.enrol', 'sync', e.deviceId, { adviserId: e.adviser.id });
    });
    return { deviceId: e.deviceId, alreadyEnrolled: false };
  }

  /** Pushes the outbox only (the bench times this; the app always runs `sync`). */
  async push(): Promise<SyncRunResult> {
    const enrolment = enrolmentOf(await readState(this.db));
    if (!enrolment)
      throw new SyncStopped('not_enrolled', 'This caseload is not enrolled with a sync server yet');
    const total: SyncRunResult = { pushed: 0, pulled: 0, conflicts: 0, quarantined: 0 };
    await this.pushAll(enrolment, total);
    return total;
  }

  /** Pulls only (the bench times this; the app always runs `sync`). */
  async pull(): Promise<SyncRunResult> {
    const enrolment = enrolmentOf(await readState(this.db));
    if (!enrolment)
      throw new SyncStopped('not_enrolled', 'This caseload is not enrolled with a sync server yet');
    const total: SyncRunResult = { pushed: 0, pulled: 0, conflicts: 0, quarantined: 0 };
    await this.pullAll(enrolment, total);
    return total;
  }

  /** One full run: push everything, pull everything, check the whole state. */
  async sync(): Promise<SyncRunResult> {
    const state = await readState(this.db);
    const enrolment = enrolmentOf(state);
    if (!enrolment)
      throw new SyncStopped('not_enrolled', 'This caseload is not enrolled with a sync server yet');
    if (state.revoked)
      throw new SyncStopped(
        'device_revoked',
        'This device’s access to the sync server was withdrawn. Your unsynced changes are kept on this computer.',
      );
    await updateState(this.db, { last_attempt_at: this.now().toISOString() });
    const total: SyncRunResult = { pushed: 0, pulled: 0, conflicts: 0, quarantined: 0 };
    try {
      let resynced = false;
      for (let round = 0; round < 5; round++) {
        await this.pushAll(enrolment, total);
        await this.pullAll(enrolment, total);
        if ((await pendingCount(this.db)) > 0) continue; // written meanwhile: go round again
        if ((await this.stateMatches(enrolment, total)) || resynced) break;
        // Drift (G4): forget synced rows and pull everything again, once per run.
        resynced = true;
        await clearForResync(this.wp);
      }
      const pending = await pendingCount(this.db);
      await updateState(this.db, {
        ...(pending === 0 ? { last_synced_at: this.now().toISOString() } : {}),
        last_error: null,
        last_error_code: null,
      });
      return total;
    } catch (error) {
      await this.recordFailure(error);
      throw error;
    }
  }

  private async recordFailure(error: unknown): Promise<void> {
    const code =
      error instanceof SyncStopped
        ? error.code
        : error instanceof SyncHttpError
          ? error.code
          : 'unreachable';
    await updateState(this.db, {
      last_error: error instanceof Error ? error.message : 'Sync failed',
      last_error_code: code,
      ...(code === 'device_revoked' ? { revoked: 1 } : {}),
    });
  }

  /** Retries transient failures (unreachable, 429, 5xx) with backoff, honouring Retry-After. */
  private async withRetries<T>(attempt: () => Promise<T>): Promise<T> {
    for (let failures = 0; ; failures++) {
      try {
        return await attempt();
      } catch (error) {
        const transient =
          error instanceof SyncUnreachable || (error instanceof SyncHttpError && error.transient);
        if (!transient || failures >= this.maxRetries) throw error;
        const retryAfter = error instanceof SyncHttpError ? error.retryAfterMs : null;
        await this.sleep(backoffDelay(this.backoff, failures, retryAfter));
      }
    }
  }

  private stopOn(error: unknown): never {
    if (error instanceof SyncHttpError) {
      if (error.code === 'device_revoked' || error.status === 403)
        throw new SyncStopped(
          'device_revoked',
          'This device’s access to the sync server was withdrawn. Your unsynced changes are kept on this computer.',
        );
      if (error.code === 'unauthorised' || error.status === 401)
        throw new SyncStopped(
          'unauthorised',
          'The sync server no longer recognises this device. Enrol it again.',
        );
      if (error.code === 'client_too_old')
        throw new SyncStopped(
          'client_too_old',
          'Update Waymark to keep syncing. Your changes are kept.',
        );
    }
    throw error;
  }

  /** Pushes from `startFrom` (an archived position after a server restore) or the first pending. */
  private async pushAll(e: Enrolment, total: SyncRunResult, startFrom?: number): Promise<number> {
    let from = startFrom ?? (await firstPendingSeq(this.db));
    let pushed = 0;
    let stalled = 0;
    let needsResync = false;
    let skewRetried = false;
    let epochRetries = 0;
    let renumbered = 0;
    while (from !== null) {
      const entries = await readBatch(this.db, from, this.batchSize);
      if (entries.length === 0) break;
      const state = await readState(this.db);
      const serverNowMs = this.now().getTime() + state.clock_offset_ms;
      const { mutations, lastSent } = toMutations(entries, {
        offsetMs: state.clock_offset_ms,
        serverNowMs,
        lastSent: state.last_sent_hlc,
      });
      let reply: { value: PushResponse; sentAt: number; receivedAt: number };
      try {
        reply = await this.withRetries(() =>
          this.transport(e).request(
            'POST',
            SYNC_PATHS.push,
            {
              deviceId: e.deviceId,
              epoch: state.epoch ?? e.epoch,
              schemaVersion: SYNC_SCHEMA_VERSION,
              mutations,
            },
            pushResponseSchema,
          ),
        );
      } catch (error) {
        if (!(error instanceof SyncHttpError)) throw error;
        if (error.code === 'seq_gap' && error.body.appliedThrough !== undefined) {
          // The server has less than this device thought: resend from its position (archive).
          const next = error.body.appliedThrough + 1;
          if (next >= from) throw error; // the server is ahead of our outbox: a real bug, stop
          from = next;
          continue;
        }
        if (
          error.code === 'seq_reused' &&
          error.body.appliedThrough !== undefined &&
          renumbered++ < 2
        ) {
          // This caseload was restored from an older copy: what the lost copy sent is on the
          // server. Queue ours after it, then pull everything so the lost copy's work comes back.
          from = error.body.appliedThrough + 1;
          await renumberOutbox(this.db, from);
          needsResync = true;
          continue;
        }
        if (error.code === 'epoch_changed' && error.body.epoch && epochRetries++ < 3) {
          // A server restored from backup: re-push what it lost from the archive, then resync.
          await updateState(this.db, { epoch: error.body.epoch });
          e.epoch = error.body.epoch;
          from = (error.body.appliedThrough ?? 0) + 1;
          needsResync = true;
          continue;
        }
        if (error.code === 'clock_skew' && error.body.serverTime) {
          const local = this.now().getTime();
          const offset = offsetFrom(error.body.serverTime, local, local);
          await updateState(this.db, { clock_offset_ms: offset });
          if (!skewRetried) {
            skewRetried = true; // re-stamp the unsent batch from the server's time and try again
            continue;
          }
          throw new SyncStopped('clock_skew', skewMessage(offset) ?? error.message);
        }
        this.stopOn(error);
      }
      crashPoint('after-push-response');
      const v = reply.value;
      const at = this.now().toISOString();
      const summary = await this.wp.transaction(async (w) => {
        const s = await settle(
          w.trx,
          rawHandleOf(this.db),
          mutations,
          v,
          at,
          new Map(entries.map((x) => [x.seq, x.baseData])),
        );
        const lastSentAfter =
          state.last_sent_hlc && lastSent && state.last_sent_hlc > lastSent
            ? state.last_sent_hlc
            : lastSent;
        await updateState(w.trx, {
          last_acked_seq: Math.max(v.appliedThrough, 0),
          last_sent_hlc: lastSentAfter,
          clock_offset_ms: offsetFrom(v.serverTime, reply.sentAt, reply.receivedAt),
          epoch: v.epoch,
        });
        return s;
      });
      crashPoint('after-ack');
      if (summary.repointed > 0) this.wp.changedOutsideJournal();
      pushed += summary.acked;
      total.pushed += summary.acked;
      total.conflicts += summary.conflicts;
      total.quarantined += summary.quarantined;
      this.options.onProgress?.({ phase: 'push', done: total.pushed });
      // Next: whatever follows the server's position (archived entries too, after a restore).
      if (v.appliedThrough < mutations[0]!.seq) {
        if (++stalled > 3) throw new SyncUnreachable('The sync server is not accepting changes');
      } else stalled = 0;
      from = v.appliedThrough + 1;
    }
    if (needsResync) await clearForResync(this.wp);
    return pushed;
  }

  private async pullAll(e: Enrolment, total: SyncRunResult): Promise<number> {
    let pulled = 0;
    for (let resyncs = 0; ;) {
      const state = await readState(this.db);
      let reply;
      try {
        reply = await this.withRetries(() =>
          this.transport(e).request(
            'POST',
            SYNC_PATHS.pull,
            {
              deviceId: e.deviceId,
              epoch: state.epoch ?? e.epoch,
              cursor: state.pull_cursor,
              limit: this.pullLimit,
            },
            pullResponseSchema,
          ),
        );
      } catch (error) {
        if (
          error instanceof SyncHttpError &&
          (error.code === 'resync' || error.code === 'epoch_changed') &&
          resyncs++ < 2
        ) {
          if (error.body.epoch) {
            await updateState(this.db, { epoch: error.body.epoch });
            e.epoch = error.body.epoch;
          }
          // A restored server may have lost what this device pushed after its backup: push it
          // again from the archive before pulling everything (cht-core#8093).
          await this.repairLostPushes(e, total);
          await clearForResync(this.wp);
          continue;
        }
        this.stopOn(error);
      }
      crashPoint('after-pull-response');
      const v = reply.value;
      if (v.epoch !== (state.epoch ?? e.epoch)) {
        await updateState(this.db, { epoch: v.epoch });
        e.epoch = v.epoch;
      }
      if (v.changes.length > 0 || v.cursor !== state.pull_cursor) {
        const page = await applyPage(this.wp, v.changes, v.cursor, v.serverTime);
        // An erased participant's old pages are still in the write-ahead log until it is
        // written back and emptied (as the retention service does after its own erasure).
        if (page.erased > 0) await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(this.wp.db);
        crashPoint('after-pull-apply');
        pulled += v.changes.length;
        total.pulled += v.changes.length;
        this.options.onProgress?.({ phase: 'pull', done: total.pulled });
      }
      if (!v.hasMore) return pulled;
    }
  }

  private serverState(e: Enrolment) {
    return this.withRetries(() =>
      this.transport(e).request('GET', SYNC_PATHS.state, undefined, stateResponseSchema),
    ).catch((error: unknown) => this.stopOn(error));
  }

  /** Re-pushes from the archive whatever the server no longer has (it went back in time). */
  private async repairLostPushes(e: Enrolment, total: SyncRunResult): Promise<void> {
    const reply = await this.serverState(e);
    if (reply.value.appliedThrough < (await readState(this.db)).last_acked_seq)
      await this.pushAll(e, total, reply.value.appliedThrough + 1);
  }

  /** The cheap whole-state check (CommCare's state hash): true when device and server agree. */
  private async stateMatches(e: Enrolment, total: SyncRunResult): Promise<boolean> {
    const reply = await this.serverState(e);
    // The user's role on the service as it is now: the retention service reads it before an
    // erasure the service would refuse from anyone but a manager.
    if (reply.value.role) await updateState(this.db, { server_role: reply.value.role });
    if (reply.value.appliedThrough < (await readState(this.db)).last_acked_seq) {
      await this.pushAll(e, total, reply.value.appliedThrough + 1);
      return false;
    }
    const rows = await this.db.selectFrom('sync_record_versions').selectAll().execute();
    const local = scopeHashOf(
      rows.map((r) => ({ entity: r.entity_type, id: r.entity_id, version: r.version })),
      sha256Hex,
    );
    return local === reply.value.scopeHash;
  }
}

function enrolmentMessage(code: string, fallback: string): string {
  switch (code) {
    case 'code_unknown':
      return 'That enrolment code is not known to the sync server. Check it and try again.';
    case 'code_expired':
      return 'That enrolment code has expired. Ask your manager for a new one.';
    case 'code_used':
      return 'That enrolment code has already been used by another device. Ask your manager for a new one.';
    default:
      return fallback;
  }
}
