/**
 * Report facts (src-central/reports/facts.ts) are a cache of the engine's own obligations: the
 * organisation report counted from them must equal, view by view, the report run through the
 * engine over the records themselves (reportFromData), after every kind of change a cache can
 * miss: participants edited and deleted by a push, a reallocation, a new day, a manager's profile
 * copy, and several reports refreshing at once. On a private PostgreSQL 15 cluster, where
 * refreshes really run concurrently.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src-central/db/open';
import type { CentralDatabase } from '../../src-central/db/schema';
import {
  addOffice,
  addProvider,
  addUser,
  initOrganisation,
} from '../../src-central/org/organisation';
import { loadReportData } from '../../src-central/reports/data';
import { refreshReportFacts } from '../../src-central/reports/facts';
import {
  centralReport,
  reportFromData,
  type CentralReportOptions,
} from '../../src-central/reports/performance';
import { loadProfileCopies } from '../../src-central/reports/profile-copies';
import { addDays } from '../../src-shared/domain/calendar/civil-date';
import { shippedProfile } from '../../src-shared/domain/charter/shipped-profiles';
import { seedCentralCaseload, touchParticipants } from '../support/central-seed';
import { startPostgres, type PostgresCluster } from '../support/postgres-cluster';

const TODAY = '2027-06-15';
const PERIOD = { from: '2027-01-01', to: '2027-06-30', today: TODAY };

let cluster: PostgresCluster;
let store: Store;
let org: string;
let subcontractor: string;
let advisers: string[];
let participantIds: string[];

const db = () => store.db;

/** The report the slow way: the engine over every record, no stored facts. */
async function direct(options: CentralReportOptions) {
  return reportFromData(await loadReportData(db()), await loadProfileCopies(db()), options);
}

function views(period: typeof PERIOD): CentralReportOptions[] {
  return [
    { ...period },
    { ...period, by: 'adviser' },
    { ...period, by: 'office' },
    { ...period, by: 'provider' },
    { ...period, by: 'subcontractor' },
    { ...period, by: 'adviser', provider: subcontractor },
  ];
}

async function expectSameAsEngine(period = PERIOD) {
  for (const options of views(period))
    expect(await centralReport(db(), options), JSON.stringify(options)).toEqual(
      await direct(options),
    );
}

/** A record change at a new position, as a push would write it. */
async function atNewPosition(write: (trx: Transaction<CentralDatabase>, seq: number) => unknown) {
  await db()
    .transaction()
    .execute(async (trx) => {
      const { last_seq } = await trx
        .updateTable('change_counters')
        .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
        .where('organisation_id', '=', org)
        .returning('last_seq')
        .executeTakeFirstOrThrow();
      await write(trx, last_seq);
    });
}

beforeAll(async () => {
  cluster = await startPostgres();
  store = await openStore({ database: await cluster.createDatabase('report_facts') });
  org = (await initOrganisation(db(), 'Northern Employment Partnership')).id;
  subcontractor = (await addProvider(db(), 'Calder Skills')).id;
  const leeds = await addOffice(db(), { name: 'Leeds Hub', nation: 'england' });
  const halifax = await addOffice(db(), {
    name: 'Halifax Works',
    nation: 'england',
    providerId: subcontractor,
  });
  advisers = [];
  for (const [name, officeId] of [
    ['Priya Shah', leeds.id],
    ['Ola Bello', leeds.id],
    ['Tom Reed', halifax.id],
  ] as const)
    advisers.push((await addUser(db(), { name, officeId })).id);
  ({ participantIds } = await seedCentralCaseload(db(), {
    organisationId: org,
    count: 240,
    today: TODAY,
    advisers,
    unownedEvery: 9,
  }));
}, 300_000);

afterAll(async () => {
  await store?.close();
  await cluster?.stop();
});

describe('report facts', () => {
  it('count what the engine counts over the records, and are not redone when nothing changed', async () => {
    const first = await refreshReportFacts(db(), TODAY);
    expect(first.kind).toBe('rebuilt');
    expect(first.participants).toBe(participantIds.length);
    expect(first.obligations).toBeGreaterThan(participantIds.length);
    expect(await refreshReportFacts(db(), TODAY)).toEqual({
      kind: 'current',
      participants: 0,
      obligations: 0,
    });
    const whole = await centralReport(db(), PERIOD);
    // Not an empty report that trivially matches: every figure kind is there.
    const sum = (k: 'met' | 'missed' | 'pending') => whole.rules.reduce((n, r) => n + r[k], 0);
    expect(sum('met')).toBeGreaterThan(0);
    expect(sum('missed')).toBeGreaterThan(0);
    expect(sum('pending')).toBeGreaterThan(0);
    await expectSameAsEngine();
  }, 300_000);

  it('take in only the participants a push changed or deleted, and follow a reallocation at once', async () => {
    const edited = participantIds.slice(0, 5);
    // Referred a month earlier: every referral-based due date moves.
    await touchParticipants(db(), org, edited, (row) => ({
      ...row,
      referral_date: addDays(row.referral_date as string, -30),
    }));
    const gone = participantIds[5]!;
    await atNewPosition((trx, seq) =>
      trx
        .updateTable('records')
        .set({ deleted: true, change_seq: seq })
        .where('entity_type', '=', 'participant')
        .where('entity_id', '=', gone)
        .execute(),
    );
    const outcome = await refreshReportFacts(db(), TODAY);
    expect(outcome).toMatchObject({ kind: 'changed', participants: edited.length });

    // Ownership is read when counting: no refresh, and the groups move.
    const moved = participantIds[6]!;
    const before = await centralReport(db(), { ...PERIOD, by: 'adviser' });
    await db()
      .updateTable('allocations')
      .set({ adviser_id: advisers[2]! })
      .where('participant_id', '=', moved)
      .execute();
    const after = await centralReport(db(), { ...PERIOD, by: 'adviser' });
    expect(after.groups).not.toEqual(before.groups);
    expect(after.rules).toEqual(before.rules);
    await expectSameAsEngine();
  }, 300_000);

  it('are rebuilt for a new day, when statuses change', async () => {
    const later = { ...PERIOD, today: '2027-06-29' };
    expect((await refreshReportFacts(db(), later.today)).kind).toBe('rebuilt');
    const then = await centralReport(db(), later);
    // Something pending on the 15th was missed by the 29th: a stale cache would show.
    expect(then.rules).not.toEqual((await direct(PERIOD)).rules);
    await expectSameAsEngine(later);
    await expectSameAsEngine();
  }, 300_000);

  it('are rebuilt when a manager saves a profile copy, which can govern anyone', async () => {
    const base = shippedProfile('work-programme')!;
    const copyId = `copy-${randomUUID()}`;
    const governed = participantIds.slice(10, 20);
    await touchParticipants(db(), org, governed, (row) => ({ ...row, charter_profile: copyId }));
    await refreshReportFacts(db(), TODAY);
    await atNewPosition((trx, seq) =>
      trx
        .insertInto('records')
        .values({
          organisation_id: org,
          entity_type: 'charter_profile',
          entity_id: `${copyId}@1`,
          participant_id: null,
          adviser_id: null,
          data: JSON.stringify({
            id: copyId,
            version: 1,
            based_on: base.id,
            saved_at: '2026-01-01T09:00:00.000Z',
            saved_by: 'Manager',
            body: JSON.stringify({ ...base, id: copyId, name: 'North copy' }),
          }) as never,
          version: 1,
          field_hlc: '{}' as never,
          field_version: '{}' as never,
          change_seq: seq,
          deleted: false,
          updated_at: new Date().toISOString(),
        })
        .execute(),
    );
    expect((await refreshReportFacts(db(), TODAY)).kind).toBe('rebuilt');
    await expectSameAsEngine();
  }, 300_000);

  it('agree when several managers ask at once after a push, and are refreshed once', async () => {
    await touchParticipants(db(), org, participantIds.slice(30, 40), (row) => ({
      ...row,
      referral_date: addDays(row.referral_date as string, -7),
    }));
    const options: CentralReportOptions = { ...PERIOD, by: 'office' };
    const reports = await Promise.all([1, 2, 3, 4].map(() => centralReport(db(), options)));
    const expected = await direct(options);
    for (const r of reports) expect(r).toEqual(expected);
    expect((await refreshReportFacts(db(), TODAY)).kind).toBe('current');
    const rows = await db()
      .selectFrom('report_participants')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    // Each participant once: no refresh wrote over another's.
    expect(Number(rows.n)).toBe(participantIds.length - 1);
  }, 300_000);
});
