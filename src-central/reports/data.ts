/**
 * The read side for charter performance reports (built by another module): every participant of
 * the organisation with its current owning adviser, that adviser's office and provider (prime or
 * subcontractor), and its records grouped by entity type, each in the device's own row format
 * (snake_case) so the app's obligations engine can run over them unchanged. Read in one
 * REPEATABLE READ snapshot; point it at a read replica in production.
 */
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema';
import { currentOrganisation } from '../org/organisation';

export interface ReportOrganisation {
  organisation: { id: string; name: string };
  providers: { id: string; name: string; role: 'prime' | 'subcontractor' }[];
  offices: { id: string; name: string; nation: string; kind: string; providerId: string }[];
  users: { id: string; name: string; role: string; officeId: string | null }[];
  participants: ReportParticipant[];
}

export interface ReportParticipant {
  id: string;
  /** The current owner (R4: every started participant should have one); null if none. */
  adviserId: string | null;
  coverAdviserIds: string[];
  /** Live records by entity type (the participant row itself under `participant`). */
  records: Record<string, Record<string, unknown>[]>;
}

/** The organisation and who is who in it (no participant data). */
export type OrganisationModel = Omit<ReportOrganisation, 'participants'>;

type Db = Kysely<CentralDatabase>;

export async function loadOrganisationModel(db: Db): Promise<OrganisationModel> {
  const organisation = await currentOrganisation(db);
  const org = organisation.id;
  const providers = await db
    .selectFrom('providers')
    .select(['id', 'name', 'role'])
    .where('organisation_id', '=', org)
    .orderBy('name')
    .execute();
  const offices = await db
    .selectFrom('offices')
    .select(['id', 'name', 'nation', 'kind', 'provider_id as providerId'])
    .where('organisation_id', '=', org)
    .orderBy('name')
    .execute();
  const users = await db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'office_id as officeId'])
    .where('organisation_id', '=', org)
    .orderBy('name')
    .execute();
  return { organisation, providers, offices, users };
}

/**
 * Participants with their live records, grouped by entity type; only those with a live
 * participant record. `only` limits it to some participants (report facts refresh a few).
 */
export async function loadParticipants(
  db: Db,
  organisationId: string,
  only?: readonly string[],
): Promise<ReportParticipant[]> {
  if (only && only.length === 0) return [];
  let allocations = db
    .selectFrom('allocations')
    .select(['participant_id', 'adviser_id', 'role'])
    .where('organisation_id', '=', organisationId)
    .where('to_date', 'is', null)
    // Oldest first, so with two open owner allocations the newest wins (as in report facts).
    .orderBy('id');
  let records = db
    .selectFrom('records')
    .select(['entity_type', 'participant_id', 'data'])
    .where('organisation_id', '=', organisationId)
    .where('deleted', '=', false)
    .where('participant_id', 'is not', null)
    .orderBy('entity_type')
    .orderBy('entity_id');
  if (only) {
    allocations = allocations.where('participant_id', 'in', only);
    records = records.where('participant_id', 'in', only);
  }
  const byId = new Map<string, ReportParticipant>();
  const participant = (id: string) => {
    let p = byId.get(id);
    if (!p) {
      p = { id, adviserId: null, coverAdviserIds: [], records: {} };
      byId.set(id, p);
    }
    return p;
  };
  for (const r of await records.execute()) {
    const p = participant(r.participant_id!);
    (p.records[r.entity_type] ??= []).push(r.data);
  }
  for (const a of await allocations.execute()) {
    const p = byId.get(a.participant_id);
    if (!p) continue;
    if (a.role === 'owner') p.adviserId = a.adviser_id;
    else p.coverAdviserIds.push(a.adviser_id);
  }
  return [...byId.values()].filter((p) => p.records.participant);
}

export async function loadReportData(db: Db): Promise<ReportOrganisation> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const model = await loadOrganisationModel(trx);
      return { ...model, participants: await loadParticipants(trx, model.organisation.id) };
    });
}
