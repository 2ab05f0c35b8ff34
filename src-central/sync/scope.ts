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
  return scopeRule(
    eb,
    scope,
    eb(
      'records.participant_id',
      'in',
      eb
        .selectFrom('allocations')
        .select('allocations.participant_id')
        .where('allocations.adviser_id', '=', scope.userId)
        .where('allocations.to_date', 'is', null),
    ),
  );
}

/**
 * The same rows as `inScope`, written for reading a page in change order. `inScope` hashes every
 * current allocation of the adviser before the first row (50,000 of them for a large caseload, on
 * every page); here each row looks up its own participant's current allocations through
 * `allocations_current` (migration 2026-12-03-002), so a page costs what its rows cost. The
 * OFFSET 0 fence stops PostgreSQL turning the EXISTS back into that hash, and the adviser is
 * compared as text so the planner cannot answer it from `allocations_adviser` (every allocation
 * of the adviser, scanned per row) when it has no statistics, as on the embedded store. Whole-scope
 * reads (state, export) keep `inScope`, where one hash is the cheaper plan.
 */
export function inScopeByRow(
  eb: ExpressionBuilder<CentralDatabase, 'records'>,
  scope: Scope,
): Expression<SqlBool> {
  return scopeRule(
    eb,
    scope,
    eb.exists(
      eb
        .selectFrom('allocations')
        .select(sql`1`.as('one'))
        .whereRef('allocations.participant_id', '=', 'records.participant_id')
        .where('allocations.to_date', 'is', null)
        .where(sql<string>`allocations.adviser_id::text`, '=', scope.userId)
        .offset(0),
    ),
  );
}

/** The scope rule, with the participant test (allocated to the user now) supplied. */
function scopeRule(
  eb: ExpressionBuilder<CentralDatabase, 'records'>,
  scope: Scope,
  allocated: Expression<SqlBool>,
): Expression<SqlBool> {
  return eb.and([
    eb('records.organisation_id', '=', scope.organisationId),
    eb.or([
      allocated,
      eb('records.entity_type', 'in', [...REFERENCE_ENTITIES]),
      eb.and([
        eb('records.entity_type', 'in', [...ADVISER_ENTITIES]),
        eb('records.adviser_id', '=', scope.userId),
      ]),
    ]),
  ]);
}

export const liveOnly = sql<SqlBool>`records.deleted = false`;
