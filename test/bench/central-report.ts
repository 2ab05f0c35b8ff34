/**
 * P11 (organisation part): the report by office over 100,000 participants with two years of
 * history, from the central service on PostgreSQL 15 (floor 2 s). Seeding (untimed, its duration
 * is in the note): the P3 caseload generator's facts written as the device rows the central
 * store holds (participant, participant_event, appointment records, owner allocations) in bulk
 * inserts, spread over 20 advisers in 10 offices. `WAYMARK_P11_ORG_N` sets a smaller count.
 */
import { randomUUID } from 'node:crypto';
import { openStore } from '../../src-central/db/open';
import { addOffice, addUser, initOrganisation } from '../../src-central/org/organisation';
import { centralReport } from '../../src-central/reports/performance';
import { generateCaseload } from '../domain/charter/generate-caseload';
import { startPostgres } from '../support/postgres-cluster';
import { time, type Benchmark } from './harness';

const TODAY = '2027-06-15';
const PERIOD = { from: '2027-04-01', to: '2027-06-30', today: TODAY };

type Json = Record<string, unknown>;

/** One generated participant's facts as the device's rows (the inverse of factsFromRows). */
function rowsOf(p: Json): { participant: Json; events: Json[]; appointments: Json[] } {
  const id = randomUUID();
  const events: Json[] = [];
  let n = 0;
  const event = (date: string, kind: string, data: Json) =>
    events.push({
      id: randomUUID(),
      participant_id: id,
      kind,
      date,
      data: JSON.stringify(data),
      recorded_at: `${date}T12:00:${String(n++ % 60).padStart(2, '0')}.000Z`,
    });
  event(p.allocationDate as string, 'status', { from: 'referred', to: 'allocated' });
  const ic = p.initialContact as { date: string; channel: string };
  event(ic.date, 'contact', { contactKind: 'initial', channel: ic.channel });
  event(p.startDate as string, 'status', { from: 'contacted', to: 'started' });
  for (const c of p.contacts as { date: string; kind: string }[])
    event(c.date, 'contact', { contactKind: c.kind, channel: 'phone' });
  for (const e of p.events as { date: string; kind: string }[])
    if (e.kind === 'job-start') event(e.date, 'status', { from: 'started', to: 'in-work' });
    else if (e.kind === 'job-end') event(e.date, 'status', { from: 'in-work', to: 'started' });
    else event(e.date, 'life-event', { lifeEvent: e.kind });
  const hn = p.healthNeed as { recorded: string; ohReferral: string | null } | null;
  if (hn) event(hn.recorded, 'health-need', hn.ohReferral ? { ohReferral: hn.ohReferral } : {});
  for (const d of p.ppepAgreements as string[]) event(d, 'ppep-agreed', {});
  for (const d of p.betterOffCalculations as string[]) event(d, 'better-off', {});
  if (p.exitDate) event(p.exitDate as string, 'status', { from: 'started', to: 'exited' });
  const appointments = (p.appointments as Json[]).map((a) => ({
    id: randomUUID(),
    participant_id: id,
    start: a.start,
    kind: a.kind,
    channel: a.channel,
    outcome: a.outcome,
    prior_notice: a.priorNotice === undefined ? null : a.priorNotice ? 1 : 0,
  }));
  return {
    participant: {
      id,
      nation: 'england-and-wales',
      referral_date: p.referralDate,
      charter_profile: 'work-programme',
      programme: 'work-programme',
      status: p.exitDate ? 'exited' : 'started',
    },
    events,
    appointments,
  };
}

const organisationReport: Benchmark = {
  id: 'P11',
  name: 'organisation report by office, 100,000 participants, central service on PostgreSQL',
  async measure() {
    const count = Number(process.env.WAYMARK_P11_ORG_N ?? 100_000);
    const cluster = await startPostgres();
    const store = await openStore({ database: await cluster.createDatabase('p11_org') });
    try {
      const seedStart = performance.now();
      const org = await initOrganisation(store.db, 'Bench Partnership');
      const advisers: string[] = [];
      for (let o = 0; o < 10; o++) {
        const office = await addOffice(store.db, { name: `Office ${o}`, nation: 'england' });
        for (let a = 0; a < 2; a++)
          advisers.push(
            (await addUser(store.db, { name: `Adviser ${o}.${a}`, officeId: office.id })).id,
          );
      }
      const people = generateCaseload(count, TODAY).participants as Json[];
      let seq = 1;
      let rows = 0;
      const now = new Date().toISOString();
      for (let i = 0; i < people.length; i += 500) {
        const records: Json[] = [];
        const allocations: Json[] = [];
        for (const [j, p] of people.slice(i, i + 500).entries()) {
          const { participant, events, appointments } = rowsOf(p);
          const adviser = advisers[(i + j) % advisers.length]!;
          const record = (type: string, data: Json) =>
            records.push({
              organisation_id: org.id,
              entity_type: type,
              entity_id: data.id,
              participant_id: participant.id,
              adviser_id: null,
              data: JSON.stringify(data),
              version: 1,
              field_hlc: '{}',
              field_version: '{}',
              change_seq: seq++,
              deleted: false,
              updated_at: now,
            });
          record('participant', participant);
          for (const e of events) record('participant_event', e);
          for (const a of appointments) record('appointment', a);
          allocations.push({
            organisation_id: org.id,
            participant_id: participant.id,
            adviser_id: adviser,
            role: 'owner',
            from_date: participant.referral_date,
            to_date: null,
            created_at: now,
          });
        }
        for (let k = 0; k < records.length; k += 2000)
          await store.db
            .insertInto('records')
            .values(records.slice(k, k + 2000) as never)
            .execute();
        await store.db
          .insertInto('allocations')
          .values(allocations as never)
          .execute();
        rows += records.length;
      }
      const seedSeconds = (performance.now() - seedStart) / 1000;
      let groups = 0;
      const t = await time(
        async () => {
          groups = (await centralReport(store.db, { ...PERIOD, by: 'office' })).groups.length;
        },
        3,
        1,
      );
      return {
        id: 'P11',
        name: this.name,
        n: count,
        medianMs: t.medianMs,
        p95Ms: t.p95Ms,
        floorMs: 2000,
        note: `${groups} offices; seeding ${rows} records took ${seedSeconds.toFixed(0)} s`,
      };
    } finally {
      await store.close();
      await cluster.stop();
    }
  },
};

export const centralReportBenchmarks: Benchmark[] = [organisationReport];
