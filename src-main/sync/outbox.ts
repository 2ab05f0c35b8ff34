/**
 * The outbox over the change journal: batches to push, in seq order, and the one transaction that
 * settles a push reply (archive, versions, conflicts, quarantine, last acked seq together — "queue
 * empty?" and "ack" are one decision, powersync-js#1055).
 */
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { sql, type Kysely, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/schema';
import type { ChangeAuthor, Mutation, MutationOp, PushResponse } from '@shared/sync/protocol';
import { IDENTITY_FIELDS } from '@shared/sync/protocol';
import { hlcToSend } from './clock';
import { changedFields } from './entities';
import { prepared } from '../db/raw-handle';
import { repointPlace } from './places';

type Raw = SqliteDatabase.Database;

export interface OutboxEntry {
  seq: number;
  journalId: string;
  entity: string;
  entityId: string;
  op: string;
  hlc: string;
  payload: string;
  baseVersion: number | null;
  baseData: string | null;
  /** Already acked once (re-sent after seq_gap or a server restore). */
  archived: boolean;
  sentHlc: string | null;
}

const OPS: readonly string[] = ['insert', 'update', 'append', 'delete'];

/** Entries from `fromSeq` on, archived ones first (they are older), at most `limit`. */
export async function readBatch(
  db: Kysely<Database>,
  fromSeq: number,
  limit: number,
): Promise<OutboxEntry[]> {
  const r = await sql<{
    seq: number;
    journal_id: string;
    entity_type: string;
    entity_id: string;
    op: string;
    hlc: string;
    payload: string;
    base_version: number | null;
    base_data: string | null;
    archived: number;
    sent_hlc: string | null;
  }>`SELECT * FROM (
      SELECT a.seq, a.journal_id, j.entity_type, j.entity_id, j.op, j.hlc, j.payload,
             NULL AS base_version, a.base_data, 1 AS archived, a.sent_hlc
        FROM sync_outbox_archive a JOIN change_journal j ON j.id = a.journal_id
       WHERE a.seq >= ${fromSeq}
      UNION ALL
      SELECT o.seq, o.journal_id, j.entity_type, j.entity_id, j.op, j.hlc, j.payload,
             o.base_version, o.base_data, 0 AS archived, NULL AS sent_hlc
        FROM sync_outbox o JOIN change_journal j ON j.id = o.journal_id
       WHERE o.seq >= ${fromSeq}
    ) ORDER BY seq LIMIT ${limit}`.execute(db);
  return r.rows.map((row) => ({
    seq: row.seq,
    journalId: row.journal_id,
    entity: row.entity_type,
    entityId: row.entity_id,
    op: row.op,
    hlc: row.hlc,
    payload: row.payload,
    baseVersion: row.base_version,
    baseData: row.base_data,
    archived: row.archived === 1,
    sentHlc: row.sent_hlc,
  }));
}

export async function firstPendingSeq(db: Kysely<Database>): Promise<number | null> {
  const row = await db
    .selectFrom('sync_outbox')
    .select((eb) => eb.fn.min('seq').as('seq'))
    .executeTakeFirst();
  return (row?.seq as number | null | undefined) ?? null;
}

export async function pendingCount(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('sync_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Turns entries into wire mutations, stamping each with the HLC to send (clock.ts). */
export function toMutations(
  entries: OutboxEntry[],
  clock: { offsetMs: number; serverNowMs: number; lastSent: string | null },
): { mutations: Mutation[]; lastSent: string | null } {
  let lastSent = clock.lastSent;
  const mutations = entries.map((e) => {
    // A re-sent archived entry keeps the HLC it was first sent with.
    const hlc = e.sentHlc ?? hlcToSend(e.hlc, clock.offsetMs, clock.serverNowMs, lastSent);
    if (!e.sentHlc) lastSent = hlc;
    const op = (OPS.includes(e.op) ? e.op : 'update') as MutationOp;
    return {
      seq: e.seq,
      id: e.journalId,
      entity: e.entity,
      entityId: e.entityId,
      op,
      hlc,
      data:
        op === 'delete'
          ? null
          : changedFields(
              e.entity,
              JSON.parse(e.payload) as Record<string, unknown>,
              e.baseData ? (JSON.parse(e.baseData) as Record<string, unknown>) : null,
            ),
      baseVersion: e.baseVersion,
    };
  });
  return { mutations, lastSent };
}

/** Who made the server's value (adviser, device, when), as sync_conflicts.their_author keeps it. */
const authorJson = (a: ChangeAuthor | undefined): string | null => (a ? JSON.stringify(a) : null);

export interface AckSummary {
  acked: number;
  conflicts: number;
  quarantined: number;
  /** Offices and rooms re-pointed to the organisation's own (adoption, places.ts). */
  repointed: number;
}

/**
 * Settles a push reply in one transaction: every result for an entry still in the outbox moves it
 * to the archive (with its version), a conflict or lost field goes to sync_conflicts, a rejection
 * to quarantine; everything up to the server's appliedThrough leaves the outbox. Rows are written
 * through prepared statements on the raw handle (`raw`), inside the caller's transaction `trx`.
 */
export async function settle(
  trx: Transaction<Database>,
  raw: Raw,
  sent: Mutation[],
  reply: PushResponse,
  at: string,
  baseData: Map<number, string | null> = new Map(),
): Promise<AckSummary> {
  const bySeq = new Map(sent.map((m) => [m.seq, m]));
  const summary: AckSummary = {
    acked: 0,
    conflicts: 0,
    quarantined: 0,
    repointed: 0,
  };
  const pending = new Set(
    (
      await trx
        .selectFrom('sync_outbox')
        .select('seq')
        .where('seq', '<=', reply.appliedThrough)
        .execute()
    ).map((r) => r.seq),
  );
  const archive = prepared(
    raw,
    `INSERT INTO sync_outbox_archive (seq, journal_id, status, version, base_data, sent_hlc, acked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const conflict = prepared(
    raw,
    `INSERT INTO sync_conflicts (id, seq, entity_type, record_id, field, mine, theirs, their_author,
       their_hlc, status, created_at, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  for (const result of reply.results) {
    const m = bySeq.get(result.seq);
    if (!m || result.seq > reply.appliedThrough || !pending.has(result.seq)) continue;
    pending.delete(result.seq);
    summary.acked++;
    archive.run(
      m.seq,
      m.id,
      result.status,
      result.version ?? null,
      baseData.get(m.seq) ?? null,
      m.hlc,
      at,
    );
    if (result.status === 'rejected') {
      summary.quarantined++;
      prepared(
        raw,
        `INSERT INTO sync_quarantine (seq, journal_id, entity_type, entity_id, code, message,
           quarantined_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ).run(
        m.seq,
        m.id,
        m.entity,
        m.entityId,
        result.code ?? 'rejected',
        result.message ?? 'The server did not accept this change',
        at,
      );
      continue;
    }
    if (result.canonicalId && result.canonicalId !== m.entityId) {
      // The organisation already had this place: the record is theirs, under their id.
      if (repointPlace(raw, m.entity, m.entityId, result.canonicalId)) summary.repointed++;
      continue;
    }
    if (result.version !== undefined)
      prepared(
        raw,
        `INSERT INTO sync_record_versions (entity_type, entity_id, version, field_hlc)
         VALUES (?, ?, ?, NULL)
         ON CONFLICT (entity_type, entity_id) DO UPDATE SET version = excluded.version`,
      ).run(m.entity, m.entityId, result.version);
    if (m.op === 'delete' && result.status !== 'conflict')
      prepared(raw, 'DELETE FROM sync_record_versions WHERE entity_type = ? AND entity_id = ?').run(
        m.entity,
        m.entityId,
      );
    if (result.status === 'conflict' && result.current) {
      for (const [field, theirs] of Object.entries(result.current)) {
        summary.conflicts++;
        conflict.run(
          uuidv7(),
          m.seq,
          m.entity,
          m.entityId,
          field,
          JSON.stringify(m.data?.[field] ?? null),
          JSON.stringify(theirs ?? null),
          authorJson(result.currentBy?.[field]),
          null,
          (IDENTITY_FIELDS as readonly string[]).includes(field) ? 'open' : 'lost',
          at,
        );
      }
    }
    for (const lost of result.lost ?? [])
      conflict.run(
        uuidv7(),
        m.seq,
        m.entity,
        m.entityId,
        lost.field,
        JSON.stringify(lost.value ?? null),
        null,
        authorJson(lost.winner),
        lost.winnerHlc,
        'lost',
        at,
      );
  }
  // Settled by the server but without a result in this reply (a duplicate request answered
  // elsewhere): archive as settled so nothing stays queued for ever.
  for (const seq of pending) {
    const m = bySeq.get(seq);
    const journalId =
      m?.id ??
      (
        prepared(raw, 'SELECT journal_id FROM sync_outbox WHERE seq = ?').get(seq) as
          { journal_id: string } | undefined
      )?.journal_id;
    if (!journalId) continue;
    summary.acked++;
    archive.run(seq, journalId, 'duplicate', null, baseData.get(seq) ?? null, m?.hlc ?? '', at);
  }
  prepared(raw, 'DELETE FROM sync_outbox WHERE seq <= ?').run(reply.appliedThrough);
  const pushed = prepared(
    raw,
    'UPDATE change_journal SET pushed_at = ? WHERE id = ? AND pushed_at IS NULL',
  );
  for (const m of sent) if (m.seq <= reply.appliedThrough) pushed.run(at, m.id);
  return summary;
}

/**
 * A device restored from an older copy of its caseload numbers new changes with seqs the server
 * already holds for the changes the lost copy sent (`seq_reused`). Its queued entries keep their
 * order and mutation ids and move to `next`, `next + 1`, …: an entry the lost copy had already
 * sent is then recognised by its id (a duplicate, applied once), a new one is applied. One
 * transaction, with the counter the outbox trigger numbers from.
 */
export async function renumberOutbox(db: Kysely<Database>, next: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('sync_outbox_archive')
      .select('seq')
      .where('seq', '>=', next)
      .executeTakeFirst();
    if (clash)
      throw new Error('The sync archive already holds the positions the server asked to reuse');
    const rows = await trx.selectFrom('sync_outbox').select('seq').orderBy('seq').execute();
    await sql`UPDATE sync_outbox SET seq = -seq`.execute(trx);
    for (const [i, r] of rows.entries())
      await trx
        .updateTable('sync_outbox')
        .set({ seq: next + i })
        .where('seq', '=', -r.seq)
        .execute();
    await trx
      .updateTable('sync_state')
      .set({ last_seq: next + rows.length - 1, last_acked_seq: next - 1 })
      .where('id', '=', 1)
      .execute();
    return rows.length;
  });
}
