/** Managers' charter-profile copies as the central store holds them (device row form). */
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema';
import { currentOrganisation } from '../org/organisation';
import { charterProfileSchema } from '@shared/domain/charter/profile';
import type { CopyVersions, ProfileCopyVersion } from '@shared/domain/charter/governing-profile';

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
  const out = new Map<string, ProfileCopyVersion[]>();
  for (const { data } of rows) {
    const row = data as {
      id: string;
      version: number;
      based_on: string;
      saved_at: string;
      saved_by: string;
      body: string;
    };
    const version: ProfileCopyVersion = {
      id: row.id,
      version: row.version,
      basedOn: row.based_on,
      savedAt: row.saved_at,
      savedBy: row.saved_by,
      profile: charterProfileSchema.parse(JSON.parse(row.body)),
    };
    const list = out.get(row.id) ?? [];
    list.push(version);
    out.set(row.id, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.version - b.version);
  return out;
}
