/** Managers' charter-profile copies as the central store holds them (device row form). */
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema';
import { currentOrganisation } from '../org/organisation';
import type { CopyVersions } from '@shared/domain/charter/governing-profile';
import { copyVersionsFromRows, type CopyRowFields } from '@shared/domain/charter/copy-rows';

/** Managers' profile copies, synced as organisation reference data in the device's row form. */
export async function loadProfileCopies(db: Kysely<CentralDatabase>): Promise<CopyVersions> {
  const org = await currentOrganisation(db);
  const rows = await db
    .selectFrom('records')
    .select(['data'])
    .where('organisation_id', '=', org.id)
    .where('entity_type', '=', 'charter_profile')
    .where('deleted', '=', false)
    .execute();
  return copyVersionsFromRows(rows.map(({ data }) => data as unknown as CopyRowFields));
}
