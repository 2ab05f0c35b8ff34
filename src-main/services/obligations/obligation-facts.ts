/**
 * Reads a caseload's records back as the facts the scheduling engine takes, in the JSON form of
 * ../shared/domain/obligations-format.md: two bulk queries (participants' fact-bearing timeline
 * events and their appointments) mapped by the shared factsFrom (the central service uses it too).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { FACT_EVENT_KINDS } from '@shared/schemas/timeline-events';
import {
  appointmentFact,
  factsFrom,
  type EventRow,
  type FactsAppointment,
  type ParticipantFacts,
} from '@shared/domain/charter/facts-from-rows';

export { factsFrom, type FactsAppointment, type ParticipantFacts };

/** Facts for every participant on the caseload (or the ones named), ordered by id. */
export async function loadFacts(db: Kysely<Database>, ids?: string[]): Promise<ParticipantFacts[]> {
  let pq = db.selectFrom('participants').select(['id', 'nation', 'referral_date']).orderBy('id');
  let eq = db
    .selectFrom('participant_events')
    .select(['participant_id', 'kind', 'date', 'data'])
    .where('kind', 'in', [...FACT_EVENT_KINDS])
    .orderBy('participant_id')
    .orderBy('date')
    .orderBy('recorded_at');
  let aq = db
    .selectFrom('appointments')
    .select(['participant_id', 'id', 'start', 'kind', 'channel', 'outcome', 'prior_notice'])
    .orderBy('start');
  if (ids) {
    if (ids.length === 0) return [];
    pq = pq.where('id', 'in', ids);
    eq = eq.where('participant_id', 'in', ids);
    aq = aq.where('participant_id', 'in', ids);
  }
  const [people, events, appts] = await Promise.all([pq.execute(), eq.execute(), aq.execute()]);
  const eventsBy = new Map<string, EventRow[]>();
  for (const e of events) {
    const list = eventsBy.get(e.participant_id);
    if (list) list.push(e);
    else eventsBy.set(e.participant_id, [e]);
  }
  const apptsBy = new Map<string, FactsAppointment[]>();
  for (const a of appts) {
    const item = appointmentFact(a);
    const list = apptsBy.get(a.participant_id);
    if (list) list.push(item);
    else apptsBy.set(a.participant_id, [item]);
  }
  return people.map((p) => factsFrom(p, eventsBy.get(p.id) ?? [], apptsBy.get(p.id) ?? []));
}
