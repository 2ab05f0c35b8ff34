/**
 * Pull and the whole-state check. Both read in one REPEATABLE READ snapshot, so the page, the
 * head position and the device's appliedThrough all describe the same committed state; positions
 * are gap-free in commit order (see positions.ts), so `change_seq > cursor` never skips a row.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import {
  scopeHashOf,
  type Change,
  type PullResponse,
  type StateResponse,
} from '@shared/sync/protocol';
import type { CentralDatabase } from '../db/schema';
import { SyncError } from '../errors';
import type { AuthedDevice } from '../org/devices';
import { currentEpoch } from '../org/organisation';
import { headPosition } from './positions';
import { inScope, inScopeByRow } from './scope';

const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * One pull page as JSON text in `pullResponseSchema`'s form. The records' JSON is built by
 * PostgreSQL (`json_build_object` over the stored jsonb) and joined here as text: the page's data
 * is never parsed into objects and serialised again on the server, which for a 1,000-row page was
 * most of a pull's server cost. The device validates the page with the shared schema.
 */
export async function pull(
  db: Kysely<CentralDatabase>,
  device: AuthedDevice,
  req: { deviceId: string; epoch: string; cursor: number; limit: number },
  now: Date,
): Promise<string> {
  if (req.deviceId !== device.id)
    throw new SyncError(400, 'invalid_request', 'deviceId does not match the device token');
  const scope = { organisationId: device.organisationId, userId: device.userId };
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const epoch = await currentEpoch(trx);
      if (req.epoch !== epoch)
        throw new SyncError(410, 'resync', 'The server’s history changed: pull everything again', {
          epoch,
        });
      const head = await headPosition(trx, scope.organisationId);
      if (req.cursor > head)
        throw new SyncError(
          410,
          'resync',
          'That cursor is ahead of the server: pull everything again',
          { epoch },
        );
      const { applied_seq } = await trx
        .selectFrom('devices')
        .select('applied_seq')
        .where('id', '=', device.id)
        .executeTakeFirstOrThrow();
      const limit = req.limit;
      // Read the page in change order straight off records_change_seq and stop at the limit. The
      // embedded store (PGlite) runs no autovacuum, so its tables have no statistics and the
      // planner otherwise guesses a bitmap scan of every later record plus a sort: hundreds of
      // milliseconds per page at 50,000 records. This transaction only reads.
      await sql`set local enable_sort = off`.execute(trx);
      // No field HLCs: the device never needs them and they tripled a page's size.
      const records = await trx
        .selectFrom('records')
        .select([
          'change_seq',
          sql<string>`(case when records.deleted
            then json_build_object('cursor', records.change_seq, 'entity', records.entity_type,
              'id', records.entity_id, 'version', records.version, 'op', 'delete')
            else json_build_object('cursor', records.change_seq, 'entity', records.entity_type,
              'id', records.entity_id, 'version', records.version, 'op', 'put',
              'data', records.data)
            end)::text`.as('change'),
        ])
        .where('change_seq', '>', req.cursor)
        .where((eb) => inScopeByRow(eb, scope))
        .orderBy('change_seq')
        .limit(limit + 1)
        .execute();
      const removals = await trx
        .selectFrom('scope_removals')
        .select(['change_seq', 'entity_type', 'entity_id', 'reason'])
        .where('organisation_id', '=', scope.organisationId)
        .where('adviser_id', '=', scope.userId)
        .where('change_seq', '>', req.cursor)
        .orderBy('change_seq')
        .limit(limit + 1)
        .execute();
      const merged: { cursor: number; json: string }[] = [
        ...records.map((r) => ({ cursor: r.change_seq!, json: r.change })),
        ...removals.map((r) => {
          const change: Change = {
            cursor: r.change_seq,
            entity: r.entity_type,
            id: r.entity_id,
            version: 0,
            op: 'remove',
            reason: r.reason,
          };
          return { cursor: r.change_seq, json: JSON.stringify(change) };
        }),
      ];
      if (removals.length > 0) merged.sort((a, b) => a.cursor - b.cursor);
      const hasMore = merged.length > limit;
      const changes = merged.slice(0, limit);
      // With nothing more in scope, the device may skip to the head: everything up to it is seen.
      const cursor = hasMore ? changes.at(-1)!.cursor : head;
      const rest: Omit<PullResponse, 'changes'> = {
        epoch,
        cursor,
        hasMore,
        appliedThrough: applied_seq,
        serverTime: now.toISOString(),
      };
      return `{"changes":[${changes.map((c) => c.json).join(',')}],${JSON.stringify(rest).slice(1)}`;
    });
}

/** Live records per entity type in a scope, and their order-independent hash. */
export async function scopeSummary(
  db: Kysely<CentralDatabase>,
  scope: { organisationId: string; userId: string },
) {
  const rows = await db
    .selectFrom('records')
    .select(['entity_type', 'entity_id', 'version'])
    .where('deleted', '=', false)
    .where((eb) => inScope(eb, scope))
    .execute();
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.entity_type] = (counts[r.entity_type] ?? 0) + 1;
  const scopeHash = scopeHashOf(
    rows.map((r) => ({ entity: r.entity_type, id: r.entity_id, version: r.version })),
    sha256Hex,
  );
  return { counts, scopeHash };
}

export async function syncState(
  db: Kysely<CentralDatabase>,
  device: AuthedDevice,
  now: Date,
): Promise<StateResponse> {
  const scope = { organisationId: device.organisationId, userId: device.userId };
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const epoch = await currentEpoch(trx);
      const { applied_seq } = await trx
        .selectFrom('devices')
        .select('applied_seq')
        .where('id', '=', device.id)
        .executeTakeFirstOrThrow();
      const cursor = await headPosition(trx, scope.organisationId);
      const user = await trx
        .selectFrom('users')
        .select('role')
        .where('id', '=', device.userId)
        .executeTakeFirst();
      const { counts, scopeHash } = await scopeSummary(
        trx as unknown as Kysely<CentralDatabase>,
        scope,
      );
      return {
        epoch,
        appliedThrough: applied_seq,
        counts,
        scopeHash,
        cursor,
        serverTime: now.toISOString(),
        ...(user ? { role: user.role as StateResponse['role'] } : {}),
      };
    });
}
