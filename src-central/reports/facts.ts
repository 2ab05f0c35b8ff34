/**
 * Report facts: the engine's obligations for every participant of the organisation, stored as of
 * one day, so the organisation report is a count in the database (facts-report.ts) instead of the
 * engine run over millions of synced records on every request (P11: 100,000 participants with two
 * years of history in under 2 s).
 *
 * They are a cache of the engine's own output, never a second way of counting: a refresh runs
 * the same records through the same function as the report read straight from the records
 * (engine-input.ts), and can always be thrown away and rebuilt.
 *
 * Kept current by position: every record change carries its organisation-wide change position
 * (sync/positions.ts), and the facts remember the last position they reflect. A refresh
 * recomputes only the participants changed since; it rebuilds everything when the day changes
 * (statuses depend on "today"), when a manager's profile copy changed (it can govern anyone), or
 * when so much changed that one pass is cheaper.
 *
 * Refreshes of one organisation are serialised by a transaction-level advisory lock, so two
 * managers asking at once, or the server's own background refresh, never write the facts twice.
 * Positions are handed out under a lock held until commit, so once the lock is held every change
 * up to the highest visible position is committed and visible: nothing is skipped.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CentralDatabase } from '../db/schema';
import { toInt } from '../db/open';
import { currentOrganisation } from '../org/organisation';
import { loadParticipants } from './data';
import { obligationsOf } from './engine-input';
import { loadProfileCopies } from './profile-copies';

type Db = Kysely<CentralDatabase>;

/** Participants computed and written per pass (bounds memory: their records are in memory). */
const PARTICIPANTS_PER_PASS = 2_000;
/** Rows per insert statement (four arrays, so the parameter count stays at five). */
const ROWS_PER_INSERT = 20_000;
/** Above this share of participants changed, a full rebuild is as cheap as picking them out. */
const FULL_REBUILD_SHARE = 0.25;
/** The advisory-lock class for report facts (the second key is the organisation). */
const LOCK_CLASS = 0x5741_5946; // "WAYF"

export interface RefreshOutcome {
  kind: 'current' | 'changed' | 'rebuilt';
  /** Participants whose facts were recomputed. */
  participants: number;
  /** Obligations written. */
  obligations: number;
}

/** Brings the facts up to date for `today` (a civil date) and says what it had to do. */
export async function refreshReportFacts(db: Db, today: string): Promise<RefreshOutcome> {
  const org = (await currentOrganisation(db)).id;
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_CLASS}::int4, hashtext(${org}))`.execute(trx);
    const state = await trx
      .selectFrom('report_facts_state')
      .select(['as_of', 'basis_seq'])
      .where('organisation_id', '=', org)
      .executeTakeFirst();
    const basis = await highestPosition(trx, org);
    let changed: string[] | 'all' = 'all';
    if (state && state.as_of === today) {
      if (toInt(state.basis_seq) === basis)
        return { kind: 'current', participants: 0, obligations: 0 };
      changed = await changedSince(trx, org, toInt(state.basis_seq));
    }
    const outcome =
      changed === 'all'
        ? await rebuild(trx, org, today)
        : await recompute(trx, org, changed, today);
    await trx
      .insertInto('report_facts_state')
      .values({
        organisation_id: org,
        as_of: today,
        basis_seq: basis,
        refreshed_at: new Date().toISOString(),
      })
      .onConflict((oc) =>
        oc.column('organisation_id').doUpdateSet((eb) => ({
          as_of: eb.ref('excluded.as_of'),
          basis_seq: eb.ref('excluded.basis_seq'),
          refreshed_at: eb.ref('excluded.refreshed_at'),
        })),
      )
      .execute();
    return outcome;
  });
}

async function highestPosition(trx: Transaction<CentralDatabase>, org: string): Promise<number> {
  const row = await trx
    .selectFrom('records')
    .select((eb) => eb.fn.max('change_seq').as('last'))
    .where('organisation_id', '=', org)
    .executeTakeFirst();
  return toInt(row?.last ?? 0);
}

/** The participants whose records changed after `since`, or 'all' when a rebuild is due. */
async function changedSince(
  trx: Transaction<CentralDatabase>,
  org: string,
  since: number,
): Promise<string[] | 'all'> {
  const copyChanged = await trx
    .selectFrom('records')
    .select('entity_id')
    .where('organisation_id', '=', org)
    .where('entity_type', '=', 'charter_profile')
    .where('change_seq', '>', since)
    .limit(1)
    .executeTakeFirst();
  if (copyChanged) return 'all';
  const rows = await trx
    .selectFrom('records')
    .select('participant_id')
    .distinct()
    .where('organisation_id', '=', org)
    .where('change_seq', '>', since)
    .where('participant_id', 'is not', null)
    .execute();
  const counted = await trx
    .selectFrom('report_participants')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organisation_id', '=', org)
    .executeTakeFirst();
  if (rows.length > FULL_REBUILD_SHARE * Math.max(toInt(counted?.n), 1) && rows.length > 100)
    return 'all';
  return rows.map((r) => r.participant_id!);
}

async function rebuild(
  trx: Transaction<CentralDatabase>,
  org: string,
  today: string,
): Promise<RefreshOutcome> {
  await trx.deleteFrom('report_obligations').where('organisation_id', '=', org).execute();
  await trx.deleteFrom('report_participants').where('organisation_id', '=', org).execute();
  const everyone = await trx
    .selectFrom('records')
    .select('participant_id')
    .distinct()
    .where('organisation_id', '=', org)
    .where('entity_type', '=', 'participant')
    .where('deleted', '=', false)
    .where('participant_id', 'is not', null)
    .execute();
  const outcome = await compute(
    trx,
    org,
    everyone.map((r) => r.participant_id!),
    today,
  );
  // Stored in due-date order, a quarter's obligations are a few contiguous pages rather than
  // rows on every page (at 100,000 participants: about a fifth of the pages read, in order).
  await sql`cluster report_obligations using report_obligations_due`.execute(trx);
  // Fresh statistics, or the planner guesses from the empty tables and counts slowly.
  await sql`analyze report_obligations`.execute(trx);
  await sql`analyze report_participants`.execute(trx);
  return { ...outcome, kind: 'rebuilt' };
}

async function recompute(
  trx: Transaction<CentralDatabase>,
  org: string,
  participantIds: string[],
  today: string,
): Promise<RefreshOutcome> {
  for (let i = 0; i < participantIds.length; i += PARTICIPANTS_PER_PASS) {
    const some = participantIds.slice(i, i + PARTICIPANTS_PER_PASS);
    await trx
      .deleteFrom('report_obligations')
      .where('organisation_id', '=', org)
      .where('participant_id', 'in', some)
      .execute();
    await trx
      .deleteFrom('report_participants')
      .where('organisation_id', '=', org)
      .where('participant_id', 'in', some)
      .execute();
  }
  return { ...(await compute(trx, org, participantIds, today)), kind: 'changed' };
}

/** Runs the engine over these participants' live records and writes what it says. */
async function compute(
  trx: Transaction<CentralDatabase>,
  org: string,
  participantIds: string[],
  today: string,
): Promise<Omit<RefreshOutcome, 'kind'>> {
  const copies = await loadProfileCopies(trx);
  let participants = 0;
  let obligations = 0;
  for (let i = 0; i < participantIds.length; i += PARTICIPANTS_PER_PASS) {
    const some = participantIds.slice(i, i + PARTICIPANTS_PER_PASS);
    const byParticipant = obligationsOf(await loadParticipants(trx, org, some), copies, today);
    if (byParticipant.size === 0) continue;
    await trx
      .insertInto('report_participants')
      .values([...byParticipant.keys()].map((id) => ({ organisation_id: org, participant_id: id })))
      .execute();
    const ids: string[] = [];
    const rules: string[] = [];
    const dues: string[] = [];
    const statuses: string[] = [];
    for (const list of byParticipant.values())
      for (const o of list) {
        ids.push(o.participantId);
        rules.push(o.rule);
        dues.push(o.due);
        statuses.push(o.status);
      }
    for (let k = 0; k < ids.length; k += ROWS_PER_INSERT) {
      const end = k + ROWS_PER_INSERT;
      // unnest: one statement with four array parameters instead of 100,000 scalar ones.
      await sql`insert into report_obligations (organisation_id, participant_id, rule, due, status)
        select ${org}::uuid, t.p, t.r, t.d::date, t.s
        from unnest(${ids.slice(k, end)}::text[], ${rules.slice(k, end)}::text[],
                    ${dues.slice(k, end)}::text[], ${statuses.slice(k, end)}::text[]) as t(p, r, d, s)`.execute(
        trx,
      );
    }
    participants += byParticipant.size;
    obligations += ids.length;
  }
  return { participants, obligations };
}
