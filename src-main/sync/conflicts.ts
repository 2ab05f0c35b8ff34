/**
 * Conflicts the server reported: identity and contact fields the adviser must decide, and
 * last-writer-wins losses shown so nothing is lost silently. A decision is a new local write
 * through the write path (journalled and pushed with the current server version as its base);
 * values are shown to the adviser only, never logged.
 */
import type { WritePath } from '../write-path/write-path';
import { searchText } from '../db/repositories/participants';
import { AppError } from '../errors';
import { FIELD_LABELS, type SyncConflictView } from '@shared/ipc/channels/sync';

const show = (json: string | null): string | null => {
  if (json === null) return null;
  const v = JSON.parse(json) as unknown;
  return v === null || v === undefined ? null : String(v);
};

export async function listConflicts(wp: WritePath): Promise<SyncConflictView[]> {
  const rows = await wp.db
    .selectFrom('sync_conflicts as c')
    .leftJoin('participants as p', (j) =>
      j.onRef('p.id', '=', 'c.record_id').on('c.entity_type', '=', 'participant'),
    )
    .select([
      'c.id',
      'c.status',
      'c.entity_type',
      'c.record_id',
      'c.field',
      'c.mine',
      'c.theirs',
      'c.created_at',
      'p.id as pid',
      'p.given_name',
      'p.family_name',
    ])
    .where('c.status', 'in', ['open', 'lost'])
    .orderBy('c.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.status === 'open' ? 'decide' : 'lost',
    participantId: r.pid ?? null,
    participantName: r.pid ? `${r.given_name} ${r.family_name}` : null,
    fieldLabel: FIELD_LABELS[r.field] ?? r.field.replace(/_/g, ' '),
    field: r.field,
    mine: show(r.mine),
    theirs: show(r.theirs),
    createdAt: r.created_at,
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
