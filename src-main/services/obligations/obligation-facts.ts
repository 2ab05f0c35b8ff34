/**
 * Reads a caseload's records back as the facts the scheduling engine takes, in the JSON form of
 * ../shared/domain/obligations-format.md. Pure mapping over two bulk queries: participants'
 * fact-bearing timeline events and their appointments.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { FACT_EVENT_KINDS } from '@shared/schemas/timeline-events';

export interface FactsAppointment {
  id: string;
  start: string;
  kind: string;
  channel: string;
  outcome: string;
  priorNotice?: boolean;
}

export interface ParticipantFacts {
  id: string;
  nation: string;
  referralDate: string;
  allocationDate: string | null;
  initialContact: { date: string; channel: InitialChannel | null } | null;
  startDate: string | null;
  cannotAttendInPerson: boolean;
  healthNeed: {
    recorded: string;
    ohReferral: string | null;
    decidedNoReferral: string | null;
  } | null;
  appointments: FactsAppointment[];
  contacts: { date: string; kind: string; channel: string }[];
  ppepAgreements: string[];
  betterOffCalculations: string[];
  events: { date: string; kind: string }[];
  exitDate: string | null;
}

/**
 * The engine's input names three initial-contact channels (phone, letter, email); the timeline
 * records more (text, in person, video). The channel does not change any due date, so another
 * channel still dates the contact and is passed as null rather than refused.
 */
const INITIAL_CHANNELS = ['phone', 'letter', 'email'] as const;
type InitialChannel = (typeof INITIAL_CHANNELS)[number];

function initialChannel(channel: string): InitialChannel | null {
  return (INITIAL_CHANNELS as readonly string[]).includes(channel)
    ? (channel as InitialChannel)
    : null;
}

interface EventRow {
  participant_id: string;
  kind: string;
  date: string;
  data: string;
}

export function factsFrom(
  p: { id: string; nation: string; referral_date: string },
  events: EventRow[],
  appointments: FactsAppointment[],
): ParticipantFacts {
  const facts: ParticipantFacts = {
    id: p.id,
    nation: p.nation,
    referralDate: p.referral_date,
    allocationDate: null,
    initialContact: null,
    startDate: null,
    cannotAttendInPerson: false,
    healthNeed: null,
    appointments,
    contacts: [],
    ppepAgreements: [],
    betterOffCalculations: [],
    events: [],
    exitDate: null,
  };
  // Events arrive in date order, so "first" below means earliest.
  for (const e of events) {
    const data = JSON.parse(e.data) as Record<string, unknown>;
    switch (e.kind) {
      case 'status': {
        const to = data.to;
        if (to === 'allocated') facts.allocationDate ??= e.date;
        // The lifecycle's 'contacted' is the initial contact when none was logged as a contact.
        else if (to === 'contacted') facts.initialContact ??= { date: e.date, channel: null };
        else if (to === 'exited') facts.exitDate = e.date;
        else if (to === 'in-work') facts.events.push({ date: e.date, kind: 'job-start' });
        else if (to === 'started' && data.from === 'in-work')
          facts.events.push({ date: e.date, kind: 'job-end' });
        else if (to === 'started') facts.startDate ??= e.date;
        break;
      }
      case 'contact': {
        const channel = String(data.channel);
        if (data.contactKind === 'initial')
          facts.initialContact ??= { date: e.date, channel: initialChannel(channel) };
        else facts.contacts.push({ date: e.date, kind: String(data.contactKind), channel });
        break;
      }
      case 'life-event':
        // Job starts and ends also move the lifecycle status; counted once, from the status.
        if (data.lifeEvent !== 'job-start' && data.lifeEvent !== 'job-end')
          facts.events.push({ date: e.date, kind: String(data.lifeEvent) });
        break;
      case 'moved-house':
        facts.events.push({ date: e.date, kind: 'moved-house' });
        break;
      case 'health-need':
        facts.healthNeed ??= { recorded: e.date, ohReferral: null, decidedNoReferral: null };
        if (typeof data.ohReferral === 'string') facts.healthNeed.ohReferral ??= data.ohReferral;
        if (typeof data.decidedNoReferral === 'string')
          facts.healthNeed.decidedNoReferral ??= data.decidedNoReferral;
        break;
      case 'ppep-agreed':
        facts.ppepAgreements.push(e.date);
        break;
      case 'better-off':
        facts.betterOffCalculations.push(e.date);
        break;
    }
  }
  return facts;
}

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
    const item: FactsAppointment = {
      id: a.id,
      start: a.start,
      kind: a.kind,
      channel: a.channel,
      outcome: a.outcome,
    };
    if (a.prior_notice !== null) item.priorNotice = a.prior_notice === 1;
    const list = apptsBy.get(a.participant_id);
    if (list) list.push(item);
    else apptsBy.set(a.participant_id, [item]);
  }
  return people.map((p) => factsFrom(p, eventsBy.get(p.id) ?? [], apptsBy.get(p.id) ?? []));
}
