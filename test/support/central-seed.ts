/**
 * A central store filled the fast way, for the report facts test and the P11 benchmark: the P3
 * caseload generator's facts written as the device rows the central store holds (participant,
 * participant_event and appointment records, owner allocations) in bulk inserts, with change
 * positions taken from the organisation's counter as a push would.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../../src-central/db/schema';
import { generateCaseload } from '../domain/charter/generate-caseload';

type Json = Record<string, unknown>;

/** One generated participant's facts as the device's rows (the inverse of factsFromRows). */
export function rowsOf(p: Json): { participant: Json; events: Json[]; appointments: Json[] } {
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

export interface SeedOptions {
  organisationId: string;
  count: number;
  today: string;
  /** Owners in turn; every `unownedEvery`-th participant gets no owner (0: everyone owned). */
  advisers: string[];
  unownedEvery?: number;
}

/** Seeds and returns the participant ids, in the order written. */
export async function seedCentralCaseload(
  db: Kysely<CentralDatabase>,
  o: SeedOptions,
): Promise<{ participantIds: string[]; records: number }> {
  const people = generateCaseload(o.count, o.today).participants as Json[];
  const head = await db
    .selectFrom('change_counters')
    .select('last_seq')
    .where('organisation_id', '=', o.organisationId)
    .executeTakeFirst();
  let seq = (head?.last_seq ?? 0) + 1;
  let rows = 0;
  const participantIds: string[] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < people.length; i += 500) {
    const records: Json[] = [];
    const allocations: Json[] = [];
    for (const [j, p] of people.slice(i, i + 500).entries()) {
      const { participant, events, appointments } = rowsOf(p);
      participantIds.push(participant.id as string);
      const record = (type: string, data: Json) =>
        records.push({
          organisation_id: o.organisationId,
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
      const n = i + j;
      if (o.unownedEvery && n % o.unownedEvery === o.unownedEvery - 1) continue;
      allocations.push({
        organisation_id: o.organisationId,
        participant_id: participant.id,
        adviser_id: o.advisers[n % o.advisers.length]!,
        role: 'owner',
        from_date: participant.referral_date,
        to_date: null,
        created_at: now,
      });
    }
    for (let k = 0; k < records.length; k += 2000)
      await db
        .insertInto('records')
        .values(records.slice(k, k + 2000) as never)
        .execute();
    if (allocations.length > 0)
      await db
        .insertInto('allocations')
        .values(allocations as never)
        .execute();
    rows += records.length;
  }
  await db
    .updateTable('change_counters')
    .set({ last_seq: seq - 1 })
    .where('organisation_id', '=', o.organisationId)
    .execute();
  return { participantIds, records: rows };
}

/**
 * As a push editing these participants would leave it: each one's participant record written
 * again at a new change position (taken from the counter, in one transaction).
 */
export async function touchParticipants(
  db: Kysely<CentralDatabase>,
  organisationId: string,
  participantIds: readonly string[],
  change: (row: Json) => Json = (row) => row,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('records')
      .select(['entity_id', 'data'])
      .where('entity_type', '=', 'participant')
      .where('entity_id', 'in', participantIds)
      .execute();
    const { last_seq: end } = await trx
      .updateTable('change_counters')
      .set((eb) => ({ last_seq: eb('last_seq', '+', rows.length) }))
      .where('organisation_id', '=', organisationId)
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    let seq = end - rows.length + 1;
    for (const r of rows)
      await trx
        .updateTable('records')
        .set({ data: JSON.stringify(change(r.data as Json)) as never, change_seq: seq++ })
        .where('entity_type', '=', 'participant')
        .where('entity_id', '=', r.entity_id)
        .execute();
  });
}
