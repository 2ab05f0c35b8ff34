/**
 * Whose figures a manager may see. A manager in a subcontractor's office sees only that
 * subcontractor's figures (its offices, its advisers, the participants they own); a manager of
 * the prime (or with no office) sees the whole organisation, subcontractors included.
 */
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema';
import type { OrganisationModel, ReportOrganisation } from './data';

/** The subcontractor a user belongs to, or undefined for the prime's staff and the unplaced. */
export async function subcontractorOf(
  db: Kysely<CentralDatabase>,
  organisationId: string,
  userId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('offices as o', 'o.id', 'u.office_id')
    .innerJoin('providers as p', 'p.id', 'o.provider_id')
    .select(['p.id', 'p.role'])
    .where('u.id', '=', userId)
    .where('u.organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row?.role === 'subcontractor' ? row.id : undefined;
}

/** The organisation as one provider sees it: its offices, its advisers and their participants. */
export function scopeToProvider(data: ReportOrganisation, providerId: string): ReportOrganisation {
  const model = scopeModelToProvider(data, providerId);
  const userIds = new Set(model.users.map((u) => u.id));
  return {
    ...model,
    participants: data.participants.filter((p) => p.adviserId !== null && userIds.has(p.adviserId)),
  };
}

/** The provider's own offices and advisers (whose participants are the ones it sees). */
export function scopeModelToProvider(
  model: OrganisationModel,
  providerId: string,
): OrganisationModel {
  const offices = model.offices.filter((o) => o.providerId === providerId);
  const officeIds = new Set(offices.map((o) => o.id));
  return {
    organisation: model.organisation,
    providers: model.providers.filter((p) => p.id === providerId),
    offices,
    users: model.users.filter((u) => u.officeId !== null && officeIds.has(u.officeId)),
  };
}
