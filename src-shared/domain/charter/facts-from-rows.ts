/**
 * The one mapping from a caseload's rows (the device's `participants`, `participant_events` and
 * `appointments` row format) to the facts the scheduling engine takes, in the JSON form of
 * ../shared/domain/obligations-format.md. Pure: the device reads the rows from its SQLite
 * caseload, the central service from the records devices synced; both map them here, so the
 * device's agenda and the organisation's report cannot read the same records two ways.
 */
import { FACT_EVENT_KINDS } from '../../schemas/timeline-events';

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
  initialContact: {
    date: string;
    channel: InitialChannel | null;
    inductionOffered?: string | null;
  } | null;
  startDate: string | null;
  cannotAttendInPerson: boolean;
  /** R6: spans with a recorded reason the participant cannot attend in person. */
  inPersonExemptions: { from: string; to: string | null }[];
  /** R13: dates of recorded exit reviews. */
  exitReviews: string[];
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

export interface EventRow {
  participant_id: string;
  kind: string;
  date: string;
  /** JSON text in the device's table; already parsed where a store keeps rows as JSON. */
  data: string | Record<string, unknown>;
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
    inPersonExemptions: [],
    exitReviews: [],
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
    const data = (typeof e.data === 'string' ? JSON.parse(e.data) : e.data) as Record<
      string,
      unknown
    >;
    switch (e.kind) {
      case 'status': {
        const to = data.to;
        // Only a correction leaves 'exited': the exit it puts right did not happen.
        if (data.from === 'exited') facts.exitDate = null;
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
          facts.initialContact ??= {
            date: e.date,
            channel: initialChannel(channel),
            inductionOffered:
              typeof data.inductionOffered === 'string' ? data.inductionOffered : null,
          };
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
      case 'in-person-exemption':
        facts.inPersonExemptions.push({
          from: String(data.from),
          to: typeof data.to === 'string' ? data.to : null,
        });
        break;
      case 'exit-review':
        facts.exitReviews.push(e.date);
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

/** An `appointments` row (prior_notice is 0/1 in SQLite, a boolean once carried as JSON). */
export interface AppointmentRow {
  id: string;
  start: string;
  kind: string;
  channel: string;
  outcome: string;
  prior_notice: number | boolean | null;
}

export function appointmentFact(a: AppointmentRow): FactsAppointment {
  const item: FactsAppointment = {
    id: a.id,
    start: a.start,
    kind: a.kind,
    channel: a.channel,
    outcome: a.outcome,
  };
  if (a.prior_notice !== null && a.prior_notice !== undefined)
    item.priorNotice = a.prior_notice === 1 || a.prior_notice === true;
  return item;
}

const FACT_KINDS: ReadonlySet<string> = new Set(FACT_EVENT_KINDS);

/**
 * One participant's facts from unordered rows: keeps the fact-bearing events and orders them as
 * the device's query does (date, then when recorded), appointments by start.
 */
export function factsFromRows(
  p: { id: string; nation: string; referral_date: string },
  events: readonly (EventRow & { recorded_at?: string })[],
  appointments: readonly AppointmentRow[],
): ParticipantFacts {
  const ordered = events
    .filter((e) => FACT_KINDS.has(e.kind))
    .sort((a, b) =>
      a.date !== b.date
        ? a.date < b.date
          ? -1
          : 1
        : (a.recorded_at ?? '') < (b.recorded_at ?? '')
          ? -1
          : (a.recorded_at ?? '') > (b.recorded_at ?? '')
            ? 1
            : 0,
    );
  const appts = [...appointments]
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
    .map(appointmentFact);
  return factsFrom(p, ordered, appts);
}
