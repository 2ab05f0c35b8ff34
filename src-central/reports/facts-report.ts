/**
 * The organisation report counted in the database from the stored report facts (facts.ts):
 * obligations due in the period, by owning adviser, rule and status; then grouped by the
 * organisation model and assembled by the shared buildReportFromCounts, which tallies exactly as
 * buildReport does. Ownership is read at report time, so a reallocation needs no refresh.
 */
import { sql, type Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema';
import { toInt } from '../db/open';
import { loadOrganisationModel } from './data';
import { adviserGrouping } from './grouping';
import type { CentralReportOptions } from './performance';
import { scopeModelToProvider } from './scope';
import {
  buildReportFromCounts,
  type CountedObligations,
  type GroupRef,
  type Report,
} from '@shared/domain/report';
import type { Obligation } from '@shared/domain/charter/obligation';

/**
 * Each participant's current owner: of open owner allocations the newest (loadParticipants
 * reads them oldest first and keeps the last, so both reads agree).
 */
const owners = (org: string) => sql`
  select distinct on (participant_id) participant_id, adviser_id
  from allocations
  where organisation_id = ${org}::uuid and role = 'owner' and to_date is null
  order by participant_id, id desc`;

/** Call after refreshReportFacts for the same `today`. */
export async function reportFromFacts(
  db: Kysely<CentralDatabase>,
  options: CentralReportOptions,
): Promise<Report> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      let model = await loadOrganisationModel(trx);
      const org = model.organisation.id;
      const counts = await sql<{
        adviser_id: string | null;
        rule: string;
        status: string;
        n: unknown;
      }>`
        with owners as (${owners(org)})
        select o.adviser_id, f.rule, f.status, count(*) as n
        from report_obligations f
        left join owners o on o.participant_id = f.participant_id
        where f.organisation_id = ${org}::uuid and f.due between ${options.from}::date and ${options.to}::date
        group by o.adviser_id, f.rule, f.status`.execute(trx);
      const owning = await sql<{ adviser_id: string | null }>`
        with owners as (${owners(org)})
        select distinct o.adviser_id
        from report_participants p
        left join owners o on o.participant_id = p.participant_id
        where p.organisation_id = ${org}::uuid`.execute(trx);

      // A provider's manager sees the participants its own advisers own, and nobody else's.
      let inScope = (_adviserId: string | null) => true;
      if (options.provider) {
        model = scopeModelToProvider(model, options.provider);
        const advisers = new Set(model.users.map((u) => u.id));
        inScope = (adviserId) => adviserId !== null && advisers.has(adviserId);
      }
      const groupOf = options.by ? adviserGrouping(model, options.by) : null;
      const groupOfOwner = (adviserId: string | null) =>
        groupOf && adviserId ? groupOf(adviserId) : null;

      let groups: GroupRef[] | null = null;
      if (groupOf) {
        groups = [];
        for (const { adviser_id } of owning.rows) {
          if (!inScope(adviser_id)) continue;
          const ref = groupOfOwner(adviser_id);
          if (ref) groups.push(ref);
        }
      }
      const counted: CountedObligations[] = counts.rows
        .filter((r) => inScope(r.adviser_id))
        .map((r) => ({
          group: groupOfOwner(r.adviser_id),
          rule: r.rule as Obligation['rule'],
          status: r.status as Obligation['status'],
          n: toInt(r.n),
        }));
      return buildReportFromCounts(counted, groups, {
        from: options.from,
        to: options.to,
        today: options.today,
        by: options.by,
      });
    });
}
