/**
 * The background sync loop of one process: one run at a time (a mutex: a second caller joins the
 * run in flight), on a timer, on demand and on reconnect. The timer is re-armed after every run,
 * failed or not (powersync-native#15: a queue that only retried on the next write never synced),
 * with full-jitter backoff after failures and Retry-After honoured.
 */
import type { WritePath } from '../write-path/write-path';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { SyncClient, SyncStopped, type SyncClientOptions, type SyncRunResult } from './client';
import { isEnrolled, syncSummary } from './status';
import { readState } from './state';
import {
  RECORD_KIND_LABELS,
  type CaseloadSyncMarker,
  type ParticipantSyncView,
  type SyncConflictView,
  type SyncNowResult,
  type SyncStatusView,
} from '@shared/ipc/channels/sync';
import { listConflicts, resolveConflict } from './conflicts';
import { discardRefused } from './held';
import { caseloadSyncView, participantSyncView } from './participant-status';
import { SyncHttpError } from './transport';

export interface SyncServiceOptions extends SyncClientOptions {
  /** Between clean runs. */
  intervalMs?: number;
}

export type SyncOutcome =
  { ok: true; result: SyncRunResult } | { ok: false; stopped: boolean; message: string };

export class SyncService {
  readonly client: SyncClient;
  private running: Promise<SyncOutcome> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;
  private readonly backoff: BackoffPolicy;
  private readonly intervalMs: number;

  constructor(
    private readonly wp: WritePath,
    options: SyncServiceOptions = {},
  ) {
    this.client = new SyncClient(wp, options);
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.intervalMs = options.intervalMs ?? 5 * 60_000;
  }

  get syncing(): boolean {
    return this.running !== null;
  }

  /** Runs now, or joins the run already in flight. Never throws: the outcome says what happened. */
  syncNow(): Promise<SyncOutcome> {
    if (this.running) return this.running;
    const run = (async (): Promise<SyncOutcome> => {
      let retryAfter: number | null = null;
      try {
        const result = await this.client.sync();
        this.failures = 0;
        return { ok: true, result };
      } catch (error) {
        this.failures++;
        if (error instanceof SyncHttpError) retryAfter = error.retryAfterMs;
        return {
          ok: false,
          stopped: error instanceof SyncStopped,
          message: error instanceof Error ? error.message : 'Sync failed',
        };
      } finally {
        this.running = null;
        this.arm(retryAfter);
      }
    })();
    this.running = run;
    return run;
  }

  /** Starts the timer (the app calls this after unlock when the caseload is enrolled). */
  start(): void {
    this.stopped = false;
    this.arm(null, 0);
  }

  /**
   * After unlock: the timer runs only for an enrolled caseload. Reads the sync state alone, not
   * the whole summary: its waiting-since join scans the journal (P9: 150–300 ms at unlock).
   */
  async startIfEnrolled(): Promise<void> {
    if (isEnrolled(await readState(this.wp.db))) this.start();
  }

  /** Stops the timer; a run in flight finishes (its work is committed step by step). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** The OS says the network is back, or the window gained focus: try now. */
  nudge(): void {
    if (!this.stopped && !this.running) void this.syncNow();
  }

  /** What the header and settings screen show, read fresh from the database. */
  async view(): Promise<SyncStatusView> {
    const s = await syncSummary(this.wp.db);
    const waiting = await this.wp.db
      .selectFrom('sync_outbox as o')
      .innerJoin('change_journal as j', 'j.id', 'o.journal_id')
      .select(['j.entity_type', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('j.entity_type')
      .orderBy('j.entity_type')
      .execute();
    return {
      enrolled: s.enrolled,
      serverUrl: s.serverUrl,
      adviserName: s.adviserName,
      organisationName: s.organisationName,
      pending: s.pending,
      pendingSince: s.pendingSince,
      waiting: waiting.map((w) => ({
        kind: RECORD_KIND_LABELS[w.entity_type] ?? 'Other records',
        count: Number(w.n),
      })),
      conflicts: s.conflicts,
      quarantined: s.quarantined,
      lastSyncedAt: s.lastSyncedAt,
      lastAttemptAt: s.lastAttemptAt,
      problem: s.problem,
      offline: s.problemCode === 'unreachable' || s.problemCode === 'unavailable',
      revoked: s.revoked,
      clockMessage: s.clockMessage,
      syncing: this.syncing,
    };
  }

  /** Enrols with a code, then syncs once; starts the timer. */
  async enrol(server: string, code: string): Promise<SyncOutcome> {
    try {
      await this.client.enrol(server, code);
    } catch (error) {
      return {
        ok: false,
        stopped: error instanceof SyncStopped,
        message: error instanceof Error ? error.message : 'Enrolment failed',
      };
    }
    const outcome = await this.syncNow();
    this.start();
    return outcome;
  }

  /** The screen's "Sync now": runs (or joins the run), then the status as it now stands. */
  async syncNowAndView(): Promise<SyncNowResult> {
    return this.withStatus(await this.syncNow());
  }

  /** Enrols, syncs once, and answers with the status as it now stands. */
  async enrolAndView(server: string, code: string): Promise<SyncNowResult> {
    return this.withStatus(await this.enrol(server, code));
  }

  /** Conflicts to decide and lost edits to see, all or one participant's. */
  conflicts(participantId?: string): Promise<SyncConflictView[]> {
    return listConflicts(this.wp, participantId);
  }

  /** One participant's sync state, for the top of the participant page. */
  participant(participantId: string): Promise<ParticipantSyncView> {
    return participantSyncView(this.wp.db, participantId);
  }

  /** Participants with anything not yet on the service, for the caseload's marker. */
  caseload(): Promise<CaseloadSyncMarker[]> {
    return caseloadSyncView(this.wp.db);
  }

  /** Keeps the adviser's choice, then the status (one conflict fewer). */
  async resolve(id: string, choice: 'mine' | 'theirs'): Promise<SyncStatusView> {
    await resolveConflict(this.wp, id, choice);
    return this.view();
  }

  /**
   * Discards a participant's refused changes (held.ts); the participant's status after, or null
   * when the participant was held only for them and has left this computer.
   */
  async discardRefused(participantId: string): Promise<ParticipantSyncView | null> {
    const { removed } = await discardRefused(this.wp, participantId);
    return removed ? null : this.participant(participantId);
  }

  private async withStatus(outcome: SyncOutcome): Promise<SyncNowResult> {
    return {
      ok: outcome.ok,
      message: outcome.ok ? null : outcome.message,
      status: await this.view(),
    };
  }

  private arm(retryAfterMs: number | null, delay?: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const wait =
      delay ??
      (this.failures === 0
        ? this.intervalMs
        : backoffDelay(this.backoff, this.failures - 1, retryAfterMs) || 1000);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow();
    }, wait);
    this.timer.unref?.();
  }
}
