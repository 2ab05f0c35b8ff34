/**
 * What a freshly enrolled device of an adviser would hold: its participants (camelCase, as the
 * app shows them) and the live record count per entity type of its whole scope.
 */
import type { Kysely, Selectable } from 'kysely';
import { toParticipant } from '../../src-main/db/repositories/participants';
import type { ParticipantTable } from '../../src-main/db/schema';
import type { CentralDatabase } from '../db/schema';
import { AdminError } from '../errors';
import { scopeSummary } from '../sync/pull';
import { inScope } from '../sync/scope';
import { requireUser } from './organisation';

export async function exportAdviser(db: Kysely<CentralDatabase>, adviserId: string) {
  const user = await requireUser(db, adviserId);
  if (user.role !== 'adviser' && user.role !== 'manager')
    throw new AdminError('invalid-input', 'That user is not an adviser');
  const scope = { organisationId: user.organisation_id, userId: user.id };
  const rows = await db
    .selectFrom('records')
    .select(['data', 'version'])
    .where('entity_type', '=', 'participant')
    .where('deleted', '=', false)
    .where((eb) => inScope(eb, scope))
    .orderBy('entity_id')
    .execute();
  const participants = rows.map((r) =>
    toParticipant(r.data as unknown as Selectable<ParticipantTable>),
  );
  const { counts } = await scopeSummary(db, scope);
  return { participants, counts };
}
