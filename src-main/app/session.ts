/**
 * The adviser's session: set-up, unlock, lock, auto-lock and passphrase change. While locked
 * there is no key in memory and no database handle; every data channel answers 'locked'.
 */
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../errors';
import { openDatabase, type OpenedDatabase } from '../db/open';
import { Vault } from '../vault/vault';
import type { OsKeyProtector } from '../vault/os-protector';
import { HybridLogicalClock } from '../write-path/hlc';
import { WritePath, type Actor } from '../write-path/write-path';
import { AuditAnchor, anchorFileFor } from '../write-path/audit-anchor';
import { AUDIT_VERIFY_FAILED } from '../services/protection/audit-verify';
import type { SessionStatus } from '@shared/ipc/channels/session';
import { londonDate } from '@shared/domain/identity/civil-date';
import { ADVISER_ROLES, type AdviserRole } from '@shared/ipc/access';
import type { RoleContext } from '../ipc/role-filters';
import type { DataPaths } from './data-paths';
import { createServices, type Services } from './services';
import { noDesktop, type Desktop } from './desktop';
import { SurveyService, type ChosenSurvey } from '../services/surveys/survey-service';
import type { SurveyAnswers } from '@shared/domain/surveys/survey-answers';
import type { SurveyModeView } from '@shared/ipc/channels/surveys';

/**
 * The locked survey mode, held only in the main process: the survey, and the participant only when
 * the answers are to be linked to them (never for an anonymous survey).
 */
interface SurveyMode extends ChosenSurvey {
  participantId: string | null;
  finished: boolean;
}
import { newRecoveryKey } from '../vault/recovery-key';
import { restoreBackup, type RestoreSecret } from '../services/protection/backup';
import { runScheduledBackup } from '../services/protection/backup-schedule';

/** How often an open caseload checks whether a scheduled backup is due. */
const BACKUP_CHECK_MS = 60 * 60_000;

export interface SessionOptions {
  paths: DataPaths;
  os?: OsKeyProtector | null;
  now?: () => Date;
  kdfCost?: { N: number; r: number; p: number };
  autoLockMinutes?: number;
  /** Print, open and save for finished PDFs (the Electron shell's, or a test harness's). */
  desktop?: Desktop;
}

export interface Unlocked {
  opened: OpenedDatabase;
  actor: Actor;
  /** From the signed-in user's record in the caseload; nothing the renderer sends can change it. */
  role: AdviserRole;
  services: Services;
}

/** An unknown stored role gets the narrowest access, never the widest. */
const asRole = (stored: string): AdviserRole =>
  (ADVISER_ROLES as readonly string[]).includes(stored) ? (stored as AdviserRole) : 'reception';

const AUTO_LOCK_KEY = 'auto_lock_minutes';

async function readMeta(opened: OpenedDatabase, key: string): Promise<string | undefined> {
  return (
    await opened.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst()
  )?.value;
}

/**
 * The session's clock, seeded with the journal's latest timestamp when it first stamps or merges
 * one rather than at unlock: hlc has no full index, so finding the latest is a scan of the whole
 * journal (P9: 160–430 ms for 35,000 entries, the largest step between the key and the first
 * caseload row), and opening writes only audit entries, which take no stamp. Seeding by merging
 * keeps the clock's promise: every later stamp sorts after every one already in the journal.
 */
class SeededOnFirstStamp extends HybridLogicalClock {
  private seed: (() => string | undefined) | null;

  constructor(node: string, wallClock: () => number, seed: () => string | undefined) {
    super(node, wallClock);
    this.seed = seed;
  }

  override now(): string {
    this.seedOnce();
    return super.now();
  }

  override receive(remote: string): void {
    this.seedOnce();
    super.receive(remote);
  }

  private seedOnce(): void {
    const seed = this.seed;
    if (!seed) return;
    this.seed = null;
    const last = seed();
    if (last) super.receive(last);
  }
}

/** Builds the write path and services over an open database (also used by the command line). */
export async function startServices(opened: OpenedDatabase, now: () => Date): Promise<Unlocked> {
  const adviserId = await readMeta(opened, 'adviser_id');
  const adviser = adviserId
    ? await opened.db
        .selectFrom('advisers')
        .selectAll()
        .where('id', '=', adviserId)
        .executeTakeFirst()
    : undefined;
  if (!adviser)
    throw new AppError(
      'refused',
      'This caseload has no adviser recorded; it was not set up by Waymark.',
    );
  const node = (await readMeta(opened, 'hlc_node'))!;
  const hlc = new SeededOnFirstStamp(
    node,
    () => now().getTime(),
    () => {
      const last = opened.raw
        .prepare('SELECT hlc FROM change_journal ORDER BY hlc DESC LIMIT 1')
        .get() as { hlc: string } | undefined;
      return last?.hlc;
    },
  );
  const actor = { id: adviser.id, name: adviser.name };
  const anchor = new AuditAnchor(anchorFileFor(opened.file), opened.auditKey);
  const problem = anchor.check(opened.raw);
  const wp = new WritePath(opened.db, {
    actor,
    hlc,
    now,
    onAuditHead: (from, to, durable) => anchor.advance(from, to, durable),
  });
  if (problem) {
    // Recorded in the chain itself, so audit-verify keeps failing after later work re-anchors.
    anchor.setAside(now());
    await wp.transaction((w) => w.audit(AUDIT_VERIFY_FAILED, 'audit_log', null, { problem }));
  }
  return { opened, actor, role: asRole(adviser.role), services: createServices(wp) };
}

/** Creates the key and the database for a new adviser. */
export async function initialiseCaseload(
  paths: DataPaths,
  adviserName: string,
  passphrase: string,
  opts: {
    os?: OsKeyProtector | null;
    now?: () => Date;
    kdfCost?: SessionOptions['kdfCost'];
    /** The user's role, fixed when the caseload is made; afterwards only a manager changes it. */
    role?: AdviserRole;
  } = {},
): Promise<OpenedDatabase & { recoveryKey: string }> {
  const now = opts.now ?? (() => new Date());
  const vault = new Vault({ file: paths.keyFile, os: opts.os, now, kdfCost: opts.kdfCost });
  // Shown once to the user; only its wrap of the database key is stored.
  const recoveryKey = newRecoveryKey();
  const key = await vault.create(passphrase, recoveryKey);
  try {
    const opened = await openDatabase({ file: paths.database, key });
    const id = uuidv7();
    await opened.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('advisers')
        .values({
          id,
          name: adviserName,
          role: opts.role ?? 'adviser',
          created_at: now().toISOString(),
        })
        .execute();
      await trx
        .insertInto('meta')
        .values([
          { key: 'adviser_id', value: id },
          { key: 'hlc_node', value: randomBytes(8).toString('hex') },
        ])
        .execute();
    });
    return Object.assign(opened, { recoveryKey });
  } finally {
    key.fill(0);
  }
}

export class Session {
  private unlocked: Unlocked | null = null;
  private surveyMode: SurveyMode | null = null;
  private timer: NodeJS.Timeout | null = null;
  private backupTimer: NodeJS.Timeout | null = null;
  private autoLockMinutes: number;
  readonly vault: Vault;
  readonly desktop: Desktop;
  private readonly now: () => Date;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? (() => new Date());
    this.vault = new Vault({
      file: options.paths.keyFile,
      os: options.os,
      now: this.now,
      kdfCost: options.kdfCost,
    });
    this.autoLockMinutes = options.autoLockMinutes ?? 10;
    this.desktop = options.desktop ?? noDesktop;
  }

  status(): SessionStatus {
    const state = !this.vault.exists() ? 'uninitialised' : this.unlocked ? 'unlocked' : 'locked';
    return {
      state,
      adviserName: this.unlocked?.actor.name ?? null,
      retryAfter: state === 'locked' ? (this.vault.retryAfter()?.toISOString() ?? null) : null,
      autoLockMinutes: this.autoLockMinutes,
      osProtection: this.vault.exists() && this.vault.osProtected,
      today: this.unlocked ? londonDate(this.now()) : null,
      surveyMode: this.unlocked !== null && this.surveyMode !== null,
      role: this.signedIn()?.role ?? null,
      recoveryKeySet: this.vault.exists() && this.vault.hasRecoveryKey,
    };
  }

  /** The recovery key comes back once, here, for the set-up screen to show; it is not kept. */
  async setup(
    adviserName: string,
    passphrase: string,
  ): Promise<SessionStatus & { recoveryKey: string }> {
    const opened = await initialiseCaseload(
      this.options.paths,
      adviserName,
      passphrase,
      this.options,
    );
    this.unlocked = await startServices(opened, this.now);
    this.touch();
    return { ...this.status(), recoveryKey: opened.recoveryKey };
  }

  /** A new computer: restores a backup into this (empty) data folder and opens it. */
  async restore(file: string, secret: RestoreSecret): Promise<SessionStatus> {
    if (this.unlocked || this.vault.exists())
      throw new AppError(
        'already-initialised',
        'There is already a caseload here. A backup is restored only where there is none.',
      );
    const opened = await restoreBackup(file, this.options.paths, secret, {
      os: this.options.os,
      now: this.now,
      kdfCost: this.options.kdfCost,
    });
    this.unlocked = await startServices(opened, this.now);
    await this.unlocked.services.wp.transaction((w) =>
      w.audit('backup.restore', 'backup', null, {
        with: 'passphrase' in secret ? 'passphrase' : 'recovery-key',
      }),
    );
    return this.afterOpen();
  }

  /** Forgotten passphrase: the recovery key opens the caseload and a new passphrase is set. */
  async recover(recoveryKey: string, newPassphrase: string): Promise<SessionStatus> {
    if (this.unlocked) return this.status();
    const key = await this.vault.recover(recoveryKey, newPassphrase);
    try {
      const opened = await openDatabase({ file: this.options.paths.database, key });
      this.unlocked = await startServices(opened, this.now);
    } finally {
      key.fill(0);
    }
    await this.unlocked.services.wp.transaction((w) => w.audit('session.recover', 'session', null));
    return this.afterOpen();
  }

  /** A new recovery key (the old one stops working); shown once. */
  async replaceRecoveryKey(passphrase: string): Promise<string> {
    const s = this.require();
    const code = await this.vault.replaceRecoveryKey(passphrase);
    await s.services.wp.transaction((w) =>
      w.audit('session.recovery-key-replace', 'session', null),
    );
    return code;
  }

  async unlock(passphrase: string): Promise<SessionStatus> {
    if (this.unlocked) return this.status();
    const step = this.stepTimer();
    const key = await this.vault.unlock(passphrase);
    step('key');
    try {
      const opened = await openDatabase({ file: this.options.paths.database, key });
      step('open');
      this.unlocked = await startServices(opened, this.now);
      step('services');
    } finally {
      key.fill(0);
    }
    await this.unlocked.services.wp.transaction((w) => w.audit('session.unlock', 'session', null));
    step('audit');
    const status = await this.afterOpen();
    step('after-open');
    return status;
  }

  /**
   * How long each step of the last unlock took (ms; the caseload warm-up's once it is done):
   * the P9 benchmark's breakdown. Durations only, never anything from the caseload.
   */
  lastUnlockSteps: Record<string, number> = {};

  private stepTimer(): (name: string) => void {
    const steps: Record<string, number> = {};
    this.lastUnlockSteps = steps;
    let last = performance.now();
    return (name) => {
      const now = performance.now();
      steps[name] = Math.round((now - last) * 10) / 10;
      last = now;
    };
  }

  /** What every way of opening the caseload does next. */
  private async afterOpen(): Promise<SessionStatus> {
    const u = this.require();
    await u.services.sync.startIfEnrolled();
    await u.services.imports.markInterrupted();
    this.autoLockMinutes = (await this.storedAutoLock()) ?? this.autoLockMinutes;
    this.touch();
    this.scheduleBackups(u);
    this.warmCaseload(u);
    return this.status();
  }

  /**
   * Once the answer to the unlock is on its way, the caseload's first screen is made ready (the
   * index read and sorted, what is due for its first rows) while the renderer draws the
   * unlocked page, rather than after its request arrives. A failure here is only a lost head
   * start: the renderer's own request reads again and reports any problem.
   */
  private warmCaseload(u: Unlocked): void {
    const steps = this.lastUnlockSteps;
    setImmediate(() => {
      if (this.unlocked !== u) return;
      const start = performance.now();
      u.services.participants
        .warm(u.services.obligations)
        .then(() => {
          steps['caseload-warm'] = Math.round((performance.now() - start) * 10) / 10;
          // Then what is due for everyone else, a slice at a time, while the adviser reads.
          return u.services.obligations.warmAll(() => this.unlocked === u);
        })
        .catch(() => undefined);
    });
  }

  /** Checks for a due backup now and every hour while this caseload stays open. */
  private scheduleBackups(u: Unlocked): void {
    const check = () => {
      if (this.unlocked !== u) return;
      // runScheduledBackup never rejects: a failure is recorded for the backup screen.
      this.backupCheck = runScheduledBackup(u, this.vault, this.now()).then(() => {
        if (this.unlocked !== u) return;
        this.backupTimer = setTimeout(check, BACKUP_CHECK_MS);
        this.backupTimer.unref?.();
      });
    };
    check();
  }

  /** Resolves when a scheduled backup check started by opening has finished (for tests). */
  backupsIdle(): Promise<void> {
    return this.backupCheck;
  }
  private backupCheck: Promise<void> = Promise.resolve();

  async lock(reason: 'adviser' | 'inactivity' | 'quit' = 'adviser'): Promise<SessionStatus> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.backupTimer) clearTimeout(this.backupTimer);
    this.backupTimer = null;
    await this.backupCheck;
    if (this.backupTimer) clearTimeout(this.backupTimer);
    this.backupTimer = null;
    const current = this.unlocked;
    this.unlocked = null;
    // Unlocking again takes the passphrase, which is also what leaving the survey takes.
    this.surveyMode = null;
    // No plaintext PDF outlives the lock (a viewer may still show it; the file is gone).
    this.desktop.forgetOpened?.();
    if (current) {
      await current.services.sync.stop();
      await current.services.imports.stopAll();
      await current.services.wp.transaction((w) =>
        w.audit('session.lock', 'session', null, { reason }),
      );
      await current.opened.close();
    }
    return this.status();
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const s = this.require();
    await this.vault.changePassphrase(current, next);
    await s.services.wp.transaction((w) => w.audit('session.passphrase-change', 'session', null));
  }

  inSurveyMode(): boolean {
    return this.unlocked !== null && this.surveyMode !== null;
  }

  private surveys(): SurveyService {
    const { services } = this.require();
    return new SurveyService(services.wp, services.profiles);
  }

  /**
   * Hands the app to the participant: the offer is recorded, then every channel but the survey's
   * own is refused (createBackend) until surveys:leave is given the adviser's passphrase.
   */
  async startSurveyMode(
    participantId: string,
    surveyId: string,
    anonymous: boolean,
  ): Promise<SessionStatus> {
    if (this.surveyMode) throw new AppError('refused', 'A survey is already in progress');
    const surveys = this.surveys();
    const chosen = await surveys.surveyFor(participantId, surveyId);
    await surveys.recordOffer(participantId, surveyId, 'offered');
    this.surveyMode = {
      ...chosen,
      participantId: anonymous ? null : participantId,
      finished: false,
    };
    return this.status();
  }

  surveyModeView(): SurveyModeView {
    const mode = this.requireSurveyMode();
    return { survey: mode.survey, anonymous: mode.participantId === null, finished: mode.finished };
  }

  /** The participant's answers; none at all is a choice not to answer, and nothing is stored. */
  async submitSurvey(answers: SurveyAnswers): Promise<SurveyModeView> {
    const mode = this.requireSurveyMode();
    if (mode.finished) throw new AppError('refused', 'These answers have already been saved');
    const given = Object.values(answers).some((v) => typeof v !== 'string' || v.trim() !== '');
    if (given)
      await this.surveys().record({
        profileId: mode.profileId,
        surveyId: mode.survey.id,
        participantId: mode.participantId,
        answeredOn: londonDate(this.now()),
        method: 'locked-device',
        answers,
      });
    mode.finished = true;
    return this.surveyModeView();
  }

  /** Leaves the survey mode after the same check as an unlock (throttled, counted). */
  async leaveSurveyMode(passphrase: string): Promise<SessionStatus> {
    const s = this.require();
    this.requireSurveyMode();
    const key = await this.vault.unlock(passphrase);
    key.fill(0);
    this.surveyMode = null;
    await s.services.wp.transaction((w) => w.audit('survey.mode-leave', 'session', null));
    return this.status();
  }

  private requireSurveyMode(): SurveyMode {
    this.require();
    if (!this.surveyMode) throw new AppError('refused', 'No survey is in progress');
    return this.surveyMode;
  }

  /** Kept in the caseload (not a file beside it), so only an unlocked session can change it. */
  async setAutoLock(minutes: number): Promise<SessionStatus> {
    this.autoLockMinutes = minutes;
    const u = this.unlocked;
    if (u)
      await u.services.wp.transaction(async (w) => {
        await w.trx
          .insertInto('meta')
          .values({ key: AUTO_LOCK_KEY, value: String(minutes) })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(minutes) }))
          .execute();
        await w.audit('session.auto-lock', 'session', null, { minutes });
      });
    this.touch();
    return this.status();
  }

  private async storedAutoLock(): Promise<number | undefined> {
    const stored = Number(await readMeta(this.require().opened, AUTO_LOCK_KEY));
    return Number.isInteger(stored) && stored >= 1 && stored <= 60 ? stored : undefined;
  }

  /** Restarts the inactivity timer; called on every channel call and on renderer activity. */
  touch(): void {
    if (!this.unlocked) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.lock('inactivity'), this.autoLockMinutes * 60_000);
    this.timer.unref?.();
  }

  /**
   * Who is signed in, for the router's role checks; null while locked. The role is read from the
   * user's record on every call, so a change of role (by a manager) applies at once.
   */
  signedIn(): RoleContext | null {
    const u = this.unlocked;
    if (!u) return null;
    const row = u.opened.raw.prepare('SELECT role FROM advisers WHERE id = ?').get(u.actor.id) as
      { role: string } | undefined;
    return { role: asRole(row?.role ?? ''), db: u.opened.db };
  }

  require(): Unlocked {
    if (!this.unlocked) {
      throw new AppError(
        this.vault.exists() ? 'locked' : 'not-initialised',
        this.vault.exists() ? 'Waymark is locked. Unlock it to continue.' : 'Set up Waymark first.',
      );
    }
    return this.unlocked;
  }
}
