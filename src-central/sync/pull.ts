/**
 * Pull and the whole-state check. Both read in one REPEATABLE READ snapshot, so the page, the
 * head position and the device's appliedThrough all describe the same committed state; positions
 * are gap-free in commit order (see positions.ts), so `change_seq > cursor` never skips a row.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
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
import { inScope } from './scope';

const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');

export async function pull(
  db: Kysely<CentralDatabase>,
  device: AuthedDevice,
  req: { deviceId: string; epoch: string; cursor: number; limit: number },
  now: Date,
): Promise<PullResponse> {
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
      const records = await trx
        .selectFrom('records')
        .select(['change_seq', 'entity_type', 'entity_id', 'version', 'deleted', 'data'])
        .where('change_seq', '>', req.cursor)
        .where((eb) => inScope(eb, scope))
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
      const merged: Change[] = [
        ...records.map((r): Change =>
          r.deleted
            ? {
                cursor: r.change_seq!,
                entity: r.entity_type,
                id: r.entity_id,
                version: r.version,
                op: 'delete',
              }
            : {
                cursor: r.change_seq!,
                entity: r.entity_type,
                id: r.entity_id,
                version: r.version,
                op: 'put',
                // No field HLCs: the device never needs them and they tripled a page's size.
                data: r.data,
              },
        ),
        ...removals.map((r): Change => ({
          cursor: r.change_seq,
          entity: r.entity_type,
          id: r.entity_id,
          version: 0,
          op: 'remove',
          reason: r.reason,
        })),
      ].sort((a, b) => a.cursor - b.cursor);
      const hasMore = merged.length > limit;
      const changes = merged.slice(0, limit);
      // With nothing more in scope, the device may skip to the head: everything up to it is seen.
      const cursor = hasMore ? changes.at(-1)!.cursor : head;
      return {
        epoch,
        changes,
        cursor,
        hasMore,
        appliedThrough: applied_seq,
        serverTime: now.toISOString(),
      };
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
      };
    });
}
