/**
 * Applying pulled pages. Each page's rows, their server versions, the audit entry (ids only) and
 * the new cursor commit in one transaction (pouchdb#1240: a cursor saved ahead of its data loses
 * changes). Rows are written unjournalled: they are the server's, not new local changes.
 */
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { WritePath } from '../write-path/write-path';
import type { Change } from '@shared/sync/protocol';
import {
  changedFields,
  deleteRow,
  ENTITIES,
  entitySpec,
  participantOf,
  putRow,
  readRow,
  withoutPlanVersionGuard,
} from './entities';
import { crashPoint } from './crash-points';
import { ERASED_REASON } from '@shared/sync/erasure';
import { eraseErasedCentrally } from '../services/protection/retention';
import { prepared, rawHandleOf } from '../db/raw-handle';

type Raw = SqliteDatabase.Database;

interface PendingChange {
  payload: string;
  base: string | null;
  op: string;
}

interface PendingWork {
  /** `entity\u0000id` of records with unpushed local changes, to those changes in order. */
  records: Map<string, PendingChange[]>;
  /** Participants with any unpushed local change. */
  participants: Set<string>;
}

const keyOf = (entity: string, id: string) => `${entity}\u0000${id}`;

async function pendingWork(trx: Transaction<Database>): Promise<PendingWork> {
  const r = await sql<{
    entity_type: string;
    entity_id: string;
    op: string;
    payload: string;
    base_data: string | null;
    pid: string | null;
  }>`SELECT j.entity_type, j.entity_id, j.op, j.payload, o.base_data,
        CASE WHEN j.entity_type = 'participant' THEN j.entity_id
             ELSE json_extract(j.payload, '$.participant_id') END AS pid
       FROM sync_outbox o JOIN change_journal j ON j.id = o.journal_id
      ORDER BY o.seq`.execute(trx);
  const records = new Map<string, PendingChange[]>();
  const participants = new Set<string>();
  for (const row of r.rows) {
    const key = keyOf(row.entity_type, row.entity_id);
    const list = records.get(key) ?? [];
    list.push({ payload: row.payload, base: row.base_data, op: row.op });
    records.set(key, list);
    if (typeof row.pid === 'string') participants.add(row.pid);
  }
  // Changes the service refused are the adviser's work too, still only here (G1): a sync run
  // pushes before it pulls, so a change made before a reallocation is refused (out_of_scope)
  // and leaves the outbox just before the pull brings the removal. Participants already held
  // for such work stay held.
  const refused = await sql<{ pid: string | null }>`
    SELECT CASE WHEN j.entity_type = 'participant' THEN j.entity_id
                ELSE json_extract(j.payload, '$.participant_id') END AS pid
      FROM sync_quarantine q JOIN change_journal j ON j.id = q.journal_id
    UNION SELECT participant_id FROM sync_held_participants`.execute(trx);
  for (const row of refused.rows) if (typeof row.pid === 'string') participants.add(row.pid);
  return { records, participants };
}

export interface PageResult {
  applied: number;
  kept: number;
  /** Participants erased centrally and so erased here (the caller empties the WAL). */
  erased: number;
}

/** Applies one page and stores its cursor, in one transaction. */
export async function applyPage(
  wp: WritePath,
  changes: Change[],
  cursor: number,
  serverTime: string,
): Promise<PageResult> {
  const raw = rawHandleOf(wp.db);
  return wp.unjournalledTransaction(async (w) => {
    const trx = w.trx;
    const pending = await pendingWork(trx);
    const result: PageResult = { applied: 0, kept: 0, erased: 0 };
    const erased = new Set<string>();
    const advisers = new Set<string>();
    // Rows are written through prepared statements on the raw handle: this runs inside the
    // transaction opened above (one connection), and nothing awaits between the statements.
    for (const [i, change] of changes.entries()) {
      if (i === Math.floor(changes.length / 2)) crashPoint('mid-pull-apply');
      const spec = entitySpec(change.entity);
      if (!spec) continue; // a type this version does not know: the server keeps it
      const local = pending.records.get(keyOf(change.entity, change.id));
      if (change.op === 'put' && change.data) {
        if (typeof change.data.adviser_id === 'string') advisers.add(change.data.adviser_id);
        // Rebase: the adviser's unpushed changes (only what each changed) go back on top of the
        // server's row, so the screen never flickers back to an older value.
        // Back in this device's scope (allocated back): no longer held for unresolved work.
        if (change.entity === 'participant') unhold(raw, change.id);
        const row = rebase(change.entity, change.data, local);
        // An immutable record comes back with a later version only when the server anonymised it.
        if (row) putRow(raw, spec, row, spec.immutable && change.version > 1);
        remember(raw, {
          entity: change.entity,
          id: change.id,
          version: change.version,
          fieldHlc: change.fieldHlc ? JSON.stringify(change.fieldHlc) : null,
          shadow: row ? JSON.stringify(row) : null,
        });
        result.applied++;
        continue;
      }
      if (change.op === 'remove' && change.reason === ERASED_REASON) {
        // Erased centrally by a manager: gone here too, unpushed work about them included (the
        // server refuses it). The participant's own removal names them; the rest follow below.
        // The participant's own row stays until the erasure below, which finds them by it.
        if (change.entity === 'participant') erased.add(change.id);
        else {
          const row = readRow(raw, spec, change.id);
          const pid = row ? participantOf(change.entity, change.id, row) : null;
          if (pid) erased.add(pid);
          deleteRow(raw, spec, change.id);
        }
        forget(raw, change.entity, change.id);
        result.applied++;
        continue;
      }
      if (change.op === 'remove') {
        // Out of scope (reallocated): forget it, unless the participant has work not yet pushed
        // (pushed next; the service will refuse it) or work the service refused. Design §5 and
        // G1/G5/I7: data leaves a device on reallocation except the adviser's own unresolved
        // work, and a refused change is never silently dropped. The participant's records all
        // stay (the refused change may be to any of them, and the adviser needs the context to
        // decide), marked held so their sync status says why, until the adviser discards the
        // refused changes (held.ts). Their server versions are forgotten: they are no longer
        // the service's records in this scope, so the whole-state check still agrees.
        const row = readRow(raw, spec, change.id);
        const pid = row ? participantOf(change.entity, change.id, row) : null;
        if (local || (pid && pending.participants.has(pid))) {
          if (pid) hold(raw, pid, change.reason ?? 'reallocated', serverTime);
          forget(raw, change.entity, change.id);
          result.kept++;
          continue;
        }
      }
      deleteRow(raw, spec, change.id);
      forget(raw, change.entity, change.id);
      result.applied++;
    }
    for (const pid of erased) await eraseErasedCentrally(w, pid);
    result.erased = erased.size;
    nameOtherAdvisers(raw, advisers, serverTime);
    await w.audit('sync.pull', 'sync', null, {
      cursor,
      records: changes.map((c) => `${c.entity}:${c.id}`),
    });
    await trx
      .updateTable('sync_state')
      .set({
        pull_cursor: cursor,
        last_error: null,
        last_error_code: null,
        last_attempt_at: serverTime,
      })
      .where('id', '=', 1)
      .execute();
    return result;
  });
}

/** The server row with pending local changes re-applied, or null if the latest is a delete. */
function rebase(
  entity: string,
  server: Record<string, unknown>,
  pending: PendingChange[] | undefined,
): Record<string, unknown> | null {
  if (!pending) return server;
  if (pending.at(-1)!.op === 'delete') return null;
  const row = { ...server };
  for (const p of pending)
    Object.assign(
      row,
      changedFields(
        entity,
        JSON.parse(p.payload) as Record<string, unknown>,
        p.base ? (JSON.parse(p.base) as Record<string, unknown>) : null,
      ),
    );
  return row;
}

interface Known {
  entity: string;
  id: string;
  version: number;
  fieldHlc: string | null;
  shadow: string | null;
}

/** Stores a pulled record's server version and the row as the server sent it (its shadow). */
function remember(raw: Raw, k: Known): void {
  prepared(
    raw,
    `INSERT INTO sync_record_versions (entity_type, entity_id, version, field_hlc) VALUES (?, ?, ?, ?)
     ON CONFLICT (entity_type, entity_id) DO UPDATE SET version = excluded.version, field_hlc = excluded.field_hlc`,
  ).run(k.entity, k.id, k.version, k.fieldHlc);
  if (k.shadow !== null)
    prepared(
      raw,
      `INSERT INTO sync_shadow (entity_type, entity_id, data) VALUES (?, ?, ?)
       ON CONFLICT (entity_type, entity_id) DO UPDATE SET data = excluded.data`,
    ).run(k.entity, k.id, k.shadow);
}

/** Marks a participant kept out of scope for the adviser's unresolved work (migration 0018). */
function hold(raw: Raw, participantId: string, reason: string, at: string): void {
  prepared(
    raw,
    `INSERT INTO sync_held_participants (participant_id, reason, held_at) VALUES (?, ?, ?)
     ON CONFLICT (participant_id) DO NOTHING`,
  ).run(participantId, reason, at);
}

function unhold(raw: Raw, participantId: string): void {
  prepared(raw, 'DELETE FROM sync_held_participants WHERE participant_id = ?').run(participantId);
}

function forgetShadow(raw: Raw, entity: string, id: string): void {
  prepared(raw, 'DELETE FROM sync_shadow WHERE entity_type = ? AND entity_id = ?').run(entity, id);
}

function forget(raw: Raw, entity: string, id: string): void {
  prepared(raw, 'DELETE FROM sync_record_versions WHERE entity_type = ? AND entity_id = ?').run(
    entity,
    id,
  );
  forgetShadow(raw, entity, id);
}

/**
 * A pulled record can name an adviser this device has never seen (the owner of a participant it
 * covers). Local writes run with foreign keys on, so each such adviser gets a row here; their own
 * details arrive only if they are in this device's scope.
 */
function nameOtherAdvisers(raw: Raw, ids: Set<string>, at: string): void {
  for (const id of ids)
    prepared(
      raw,
      `INSERT INTO advisers (id, name, role, created_at) VALUES (?, 'Another adviser', 'adviser', ?)
       ON CONFLICT (id) DO NOTHING`,
    ).run(id, at);
}

/**
 * The start of a full resync (410 resync, an epoch change, or a scope hash that does not match):
 * forget every synced record that has no unpushed local work and go back to cursor 0, in one
 * transaction. The outbox, archive, conflicts and quarantine are kept.
 */
export async function clearForResync(wp: WritePath): Promise<void> {
  const raw = rawHandleOf(wp.db);
  await wp.unjournalledTransaction(async (w) => {
    const trx = w.trx;
    const pending = await pendingWork(trx);
    const versions = await trx.selectFrom('sync_record_versions').selectAll().execute();
    let cleared = 0;
    withoutPlanVersionGuard(raw, () => {
      for (const v of versions) {
        const spec = ENTITIES[v.entity_type];
        if (!spec || pending.records.has(keyOf(v.entity_type, v.entity_id))) continue;
        const row = readRow(raw, spec, v.entity_id);
        const pid = row ? participantOf(v.entity_type, v.entity_id, row) : null;
        if (pid && pending.participants.has(pid)) continue;
        if (spec.immutable)
          prepared(raw, 'DELETE FROM plan_versions WHERE id = ?').run(v.entity_id);
        else deleteRow(raw, spec, v.entity_id);
        forget(raw, v.entity_type, v.entity_id);
        cleared++;
      }
    });
    await w.audit('sync.resync', 'sync', null, { cleared });
    await trx.updateTable('sync_state').set({ pull_cursor: 0 }).where('id', '=', 1).execute();
  });
}
