/**
 * Conflicts the server reported: identity and contact fields the adviser must decide, and
 * last-writer-wins losses shown so nothing is lost silently. A decision is a new local write
 * through the write path (journalled and pushed with the current server version as its base);
 * values are shown to the adviser only, never logged.
 */
import type { WritePath } from '../write-path/write-path';
import { searchText } from '../db/repositories/participants';
import { AppError } from '../errors';
import { sql } from 'kysely';
import { FIELD_LABELS, type SyncChangeBy, type SyncConflictView } from '@shared/ipc/channels/sync';
import { changeAuthorSchema, hlcMillis, HLC_PATTERN } from '@shared/sync/protocol';
import { readState } from './state';

const show = (json: string | null): string | null => {
  if (json === null) return null;
  const v = JSON.parse(json) as unknown;
  return v === null || v === undefined ? null : String(v);
};

interface ConflictRow {
  id: string;
  status: string;
  field: string;
  mine: string | null;
  theirs: string | null;
  their_author: string | null;
  their_hlc: string | null;
  created_at: string;
  pid: string | null;
  given_name: string | null;
  family_name: string | null;
  mine_at: string | null;
}

/** The server's account of who made its value (sync_conflicts.their_author, JSON), if it gave one. */
function theirsBy(r: ConflictRow): SyncChangeBy | null {
  const parsed = r.their_author ? changeAuthorSchema.safeParse(JSON.parse(r.their_author)) : null;
  if (parsed?.success)
    return {
      adviserName: parsed.data.adviserName,
      deviceName: parsed.data.deviceName,
      thisComputer: false,
      at: parsed.data.at,
    };
  // An older service named no author; a lost race still says when the winning edit was made.
  return r.their_hlc && HLC_PATTERN.test(r.their_hlc)
    ? {
        adviserName: null,
        deviceName: null,
        thisComputer: false,
        at: new Date(hlcMillis(r.their_hlc)).toISOString(),
      }
    : null;
}

/**
 * Open conflicts and lost edits, oldest first; one participant's if `participantId` is given. A
 * conflict belongs to a participant through its record (the participant row, or a record naming
 * `participant_id`). This computer's side is this adviser's change, made when its journal entry
 * was written.
 */
export async function listConflicts(
  wp: WritePath,
  participantId?: string,
): Promise<SyncConflictView[]> {
  const state = await readState(wp.db);
  const r = await sql<ConflictRow>`
    SELECT c.id, c.status, c.field, c.mine, c.theirs, c.their_author, c.their_hlc, c.created_at,
           p.id AS pid, p.given_name, p.family_name, j.created_at AS mine_at
      FROM sync_conflicts c
      LEFT JOIN sync_outbox_archive a ON a.seq = c.seq
      LEFT JOIN change_journal j ON j.id = a.journal_id
      LEFT JOIN participants p ON p.id = CASE WHEN c.entity_type = 'participant' THEN c.record_id
                                              ELSE json_extract(j.payload, '$.participant_id') END
     WHERE c.status IN ('open', 'lost')
       AND (${participantId ?? null} IS NULL OR p.id = ${participantId ?? null})
     ORDER BY c.created_at, c.id`.execute(wp.db);
  return r.rows.map((row) => ({
    id: row.id,
    kind: row.status === 'open' ? 'decide' : 'lost',
    participantId: row.pid ?? null,
    participantName: row.pid ? `${row.given_name} ${row.family_name}` : null,
    fieldLabel: FIELD_LABELS[row.field] ?? row.field.replace(/_/g, ' '),
    field: row.field,
    mine: show(row.mine),
    theirs: show(row.theirs),
    mineBy: {
      adviserName: state.adviser_name,
      deviceName: null,
      thisComputer: true,
      at: row.mine_at,
    },
    theirsBy: theirsBy(row),
    // Recorded because the service refused this computer's value or kept a later one.
    serverHolds: 'theirs',
    createdAt: row.created_at,
  }));
}

/** Keeps the adviser's choice: writes it as a local change if the record does not hold it yet. */
export async function resolveConflict(
  wp: WritePath,
  id: string,
  choice: 'mine' | 'theirs',
): Promise<void> {
  await wp.transaction(async (w) => {
    const conflict = await w.trx
      .selectFrom('sync_conflicts')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!conflict) throw new AppError('not-found', 'That conflict was not found');
    const at = w.now.toISOString();
    if (conflict.status === 'lost') {
      // Nothing to decide: the adviser has seen it.
      await w.trx
        .updateTable('sync_conflicts')
        .set({ status: 'resolved', resolved_at: at })
        .where('id', '=', id)
        .execute();
      return;
    }
    if (conflict.status !== 'open')
      throw new AppError('refused', 'That conflict has already been decided');
    if (conflict.entity_type !== 'participant' || !(conflict.field in FIELD_LABELS))
      throw new AppError('refused', 'This conflict cannot be decided here');
    const value = JSON.parse((choice === 'mine' ? conflict.mine : conflict.theirs) ?? 'null') as
      string | null;
    const before = await w.trx
      .selectFrom('participants')
      .selectAll()
      .where('id', '=', conflict.record_id)
      .executeTakeFirst();
    if (before && before[conflict.field as keyof typeof before] !== value) {
      const after = {
        ...before,
        [conflict.field]: value,
        version: before.version + 1,
        updated_at: at,
      };
      after.search_text = searchText({
        givenName: after.given_name,
        familyName: after.family_name,
        preferredName: after.preferred_name ?? undefined,
        niNumber: after.ni_number,
        address: {
          line1: after.address_line1,
          line2: after.address_line2 ?? undefined,
          town: after.town,
          county: after.county ?? undefined,
          postcode: after.postcode,
        },
        referralId: after.referral_id,
      });
      await w.trx.updateTable('participants').set(after).where('id', '=', before.id).execute();
      await w.record({
        entityType: 'participant',
        entityId: before.id,
        op: 'update',
        payload: after,
        action: 'participant.sync-resolve',
        detail: { fields: [conflict.field], choice },
      });
    }
    await w.trx
      .updateTable('sync_conflicts')
      .set({ status: 'resolved', resolved_at: at })
      .where('id', '=', id)
      .execute();
    await w.audit('sync.conflict-resolve', 'participant', conflict.record_id, {
      field: conflict.field,
      choice,
    });
  });
}
