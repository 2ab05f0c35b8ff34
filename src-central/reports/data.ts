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

export async function loadReportData(db: Kysely<CentralDatabase>): Promise<ReportOrganisation> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const organisation = await currentOrganisation(trx);
      const org = organisation.id;
      const providers = await trx
        .selectFrom('providers')
        .select(['id', 'name', 'role'])
        .where('organisation_id', '=', org)
        .orderBy('name')
        .execute();
      const offices = await trx
        .selectFrom('offices')
        .select(['id', 'name', 'nation', 'kind', 'provider_id as providerId'])
        .where('organisation_id', '=', org)
        .orderBy('name')
        .execute();
      const users = await trx
        .selectFrom('users')
        .select(['id', 'name', 'role', 'office_id as officeId'])
        .where('organisation_id', '=', org)
        .orderBy('name')
        .execute();
      const allocations = await trx
        .selectFrom('allocations')
        .select(['participant_id', 'adviser_id', 'role'])
        .where('organisation_id', '=', org)
        .where('to_date', 'is', null)
        .execute();
      const records = await trx
        .selectFrom('records')
        .select(['entity_type', 'participant_id', 'data'])
        .where('organisation_id', '=', org)
        .where('deleted', '=', false)
        .where('participant_id', 'is not', null)
        .orderBy('entity_type')
        .orderBy('entity_id')
        .execute();
      const byId = new Map<string, ReportParticipant>();
      const participant = (id: string) => {
        let p = byId.get(id);
        if (!p) {
          p = { id, adviserId: null, coverAdviserIds: [], records: {} };
          byId.set(id, p);
        }
        return p;
      };
      for (const r of records) {
        const p = participant(r.participant_id!);
        (p.records[r.entity_type] ??= []).push(r.data);
      }
      for (const a of allocations) {
        const p = byId.get(a.participant_id);
        if (!p) continue;
        if (a.role === 'owner') p.adviserId = a.adviser_id;
        else p.coverAdviserIds.push(a.adviser_id);
      }
      return {
        organisation,
        providers,
        offices,
        users,
        participants: [...byId.values()].filter((p) => p.records.participant),
      };
    });
}
