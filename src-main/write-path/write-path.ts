/**
 * The one way participant data changes. In a single transaction a service writes its rows, an
 * audit entry (who, what, when, which record) and a change-journal entry (UUIDv7 id, HLC
 * timestamp) that the sync module will push. Services get a Writer and never open their own
 * transactions, so no change can skip the audit or the journal.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/schema';
import { DURABLE_SYNCHRONOUS } from '../db/durability';
import { auditHash, GENESIS_HASH } from './audit-chain';
import type { HybridLogicalClock } from './hlc';
import type { ChainHead } from './audit-anchor';

export interface Actor {
  id: string;
  name: string;
}

export type JournalOp = 'insert' | 'update' | 'append' | 'delete';

export interface Change {
  entityType: string;
  entityId: string;
  op: JournalOp;
  /** The record as it now is (or the appended item): what the central service needs. */
  payload: unknown;
  /** Audit action, e.g. 'participant.create'. */
  action: string;
  /** Audit detail: ids and field names only, never participant values. */
  detail?: Record<string, unknown>;
}

export interface WritePathDeps {
  actor: Actor;
  hlc: HybridLogicalClock;
  now: () => Date;
  /**
   * After each commit that added audit entries: the head it followed and its new head, and
   * whether the commit waited for the disk (false for a read's audit entry: readAudit).
   */
  onAuditHead?: (from: ChainHead, to: ChainHead, durable: boolean) => void;
}

export class Writer {
  private readonly committed: (() => void)[] = [];
  /** The head this transaction's first audit entry followed, and the last entry it wrote. */
  from: ChainHead | null = null;
  head: ChainHead | null = null;

  constructor(
    readonly trx: Transaction<Database>,
    private readonly deps: WritePathDeps,
    /** False for rows pulled from the central service: they are the server's, not new changes. */
    private readonly journalling = true,
  ) {}

  get now(): Date {
    return this.deps.now();
  }

  get actor(): Actor {
    return this.deps.actor;
  }

  async audit(
    action: string,
    entityType: string,
    entityId: string | null,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    const last = await this.trx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const row = {
      seq: (last?.seq ?? 0) + 1,
      id: uuidv7(),
      at: this.deps.now().toISOString(),
      actor: `${this.deps.actor.id} ${this.deps.actor.name}`,
      action,
      entity_type: entityType,
      entity_id: entityId,
      detail: JSON.stringify(detail),
    };
    const prev_hash = last?.hash ?? GENESIS_HASH;
    this.from ??= { seq: last?.seq ?? 0, hash: prev_hash };
    const hash = auditHash(prev_hash, row);
    await this.trx
      .insertInto('audit_log')
      .values({ ...row, prev_hash, hash })
      .execute();
    this.head = { seq: row.seq, hash };
  }

  async journal(
    entityType: string,
    entityId: string,
    op: JournalOp,
    payload: unknown,
  ): Promise<string> {
    if (!this.journalling) throw new Error('Rows pulled from the server are not journalled');
    const id = uuidv7();
    await this.trx
      .insertInto('change_journal')
      .values({
        id,
        hlc: this.deps.hlc.now(),
        entity_type: entityType,
        entity_id: entityId,
        op,
        payload: JSON.stringify(payload),
        created_at: this.deps.now().toISOString(),
        pushed_at: null,
      })
      .execute();
    return id;
  }

  /** Runs `effect` once the transaction has committed (never if it rolls back): caches, indexes. */
  afterCommit(effect: () => void): void {
    this.committed.push(effect);
  }

  /** @internal WritePath calls this after commit. */
  runAfterCommit(): void {
    for (const effect of this.committed.splice(0)) effect();
  }

  /** Records a change: the audit entry and the journal entry together. */
  async record(change: Change): Promise<void> {
    await this.audit(change.action, change.entityType, change.entityId, change.detail);
    await this.journal(change.entityType, change.entityId, change.op, change.payload);
  }
}

export class WritePath {
  constructor(
    readonly db: Kysely<Database>,
    private readonly deps: WritePathDeps,
  ) {}

  get actor(): Actor {
    return this.deps.actor;
  }

  now(): Date {
    return this.deps.now();
  }

  async transaction<T>(work: (w: Writer) => Promise<T>): Promise<T> {
    let writer: Writer | undefined;
    const result = await this.db
      .transaction()
      .execute((trx) => work((writer = new Writer(trx, this.deps))));
    if (writer?.from && writer.head) this.deps.onAuditHead?.(writer.from, writer.head, true);
    writer?.runAfterCommit();
    return result;
  }

  /**
   * The sync module's pull: server rows are written audited but not journalled (they must not be
   * pushed back as local changes), with foreign-key checks off for the transaction, because a
   * page may hold a record before the one it refers to, or name an adviser this device has
   * never seen. The connection is held throughout, so no other statement runs with checks off.
   */
  private readonly externalChangeListeners: (() => void)[] = [];

  /** Called after every committed unjournalled (pulled) transaction. */
  onExternalChange(listener: () => void): void {
    this.externalChangeListeners.push(listener);
  }

  /**
   * Tells in-memory indexes and caches to read again after a transaction that removed rows and
   * their journal entries (erasure): the journal they watch no longer says what changed.
   */
  changedOutsideJournal(): void {
    for (const listener of this.externalChangeListeners) listener();
  }

  async unjournalledTransaction<T>(work: (w: Writer) => Promise<T>): Promise<T> {
    return this.db.connection().execute(async (conn) => {
      await sql`PRAGMA foreign_keys = OFF`.execute(conn);
      try {
        let writer: Writer | undefined;
        const result = await conn
          .transaction()
          .execute((trx) => work((writer = new Writer(trx, this.deps, false))));
        if (writer?.from && writer.head) this.deps.onAuditHead?.(writer.from, writer.head, true);
        writer?.runAfterCommit();
        // Rows arrived that no service wrote: in-memory indexes and caches must read them again.
        for (const listener of this.externalChangeListeners) listener();
        return result;
      } finally {
        await sql`PRAGMA foreign_keys = ON`.execute(conn);
      }
    });
  }

  /** Reading a participant's record is audited too. */
  auditRead(
    entityType: string,
    entityId: string,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    return this.readAudit(`${entityType}.open`, entityType, entityId, detail);
  }

  /**
   * The audit entry for a read (a record opened, a caseload page listed): the same hash-chained
   * row as any other, committed before the data is returned, but the commit does not wait for
   * the disk. In WAL mode (synchronous NORMAL) such a commit survives the app crashing or being
   * killed; only a power cut before the next durable commit or checkpoint could lose it, and
   * then only the newest read entries, never a gap in the chain (the WAL is replayed in order).
   * Every change to the caseload still commits FULL. Why: this is on every search keystroke and
   * every record opened, and the disk wait was most of its cost (P9). The connection is held
   * throughout, so no other statement commits with the lowered setting.
   */
  readAudit(
    action: string,
    entityType: string,
    entityId: string | null,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    return this.db.connection().execute(async (conn) => {
      await sql`PRAGMA synchronous = NORMAL`.execute(conn);
      try {
        let writer: Writer | undefined;
        await conn
          .transaction()
          .execute((trx) =>
            (writer = new Writer(trx, this.deps)).audit(action, entityType, entityId, detail),
          );
        if (writer?.from && writer.head) this.deps.onAuditHead?.(writer.from, writer.head, false);
      } finally {
        await sql.raw(`PRAGMA synchronous = ${DURABLE_SYNCHRONOUS}`).execute(conn);
      }
    });
  }
}
