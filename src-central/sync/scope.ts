/**
 * A device's scope: the participants its user owns or covers now (and all their records), the
 * organisation's reference data, and the user's own adviser records. Pull, state and export all
 * read through here, so "what a device holds" has one definition.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { ADVISER_ENTITIES, REFERENCE_ENTITIES } from '@shared/sync/protocol';
import type { CentralDatabase } from '../db/schema';

export interface Scope {
  organisationId: string;
  userId: string;
}

/** `records` rows in scope (use inside a where on `records`). */
export function inScope(
  eb: ExpressionBuilder<CentralDatabase, 'records'>,
  scope: Scope,
): Expression<SqlBool> {
  return eb.and([
    eb('records.organisation_id', '=', scope.organisationId),
    eb.or([
      eb(
        'records.participant_id',
        'in',
        eb
          .selectFrom('allocations')
          .select('allocations.participant_id')
          .where('allocations.adviser_id', '=', scope.userId)
          .where('allocations.to_date', 'is', null),
      ),
      eb('records.entity_type', 'in', [...REFERENCE_ENTITIES]),
      eb.and([
        eb('records.entity_type', 'in', [...ADVISER_ENTITIES]),
        eb('records.adviser_id', '=', scope.userId),
      ]),
    ]),
  ]);
}

export const liveOnly = sql<SqlBool>`records.deleted = false`;
