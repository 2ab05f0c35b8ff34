/**
 * A participant's facts turned into sorted day numbers once, so each rule is a scan over sorted
 * arrays. Everything is sorted with full tie-breaks: the output must not depend on input order.
 */
import { toDayNumber, type DayNumber } from '../calendar/civil-date';
import type { AppointmentInput, ParticipantFactsInput } from './obligations-input';

export interface AppointmentFact {
  id: string;
  start: string;
  day: DayNumber;
  kind: AppointmentInput['kind'];
  channel: AppointmentInput['channel'];
  outcome: AppointmentInput['outcome'];
  priorNotice: boolean;
}

export interface EventFact {
  day: DayNumber;
  kind: ParticipantFactsInput['events'][number]['kind'];
}

/** In work from `start` (inclusive) to `end` (exclusive); `end` null while the job goes on. */
export interface InWorkPeriod {
  start: DayNumber;
  end: DayNumber | null;
}

export interface ParticipantFacts {
  id: string;
  /** Null when no referral date is known: such a participant has no R1. */
  referral: DayNumber | null;
  allocation: DayNumber | null;
  initialContact: DayNumber | null;
  /** R2: the induction time offered at the initial contact, 'YYYY-MM-DDTHH:MM', if recorded. */
  inductionOffered: string | null;
  start: DayNumber | null;
  exit: DayNumber | null;
  cannotAttendInPerson: boolean;
  /** R6: spans (inclusive day numbers, `to` null while open) when other channels count. */
  inPersonExemptions: { from: DayNumber; to: DayNumber | null }[];
  /** R13: recorded exit reviews, sorted. */
  exitReviews: DayNumber[];
  health: { recorded: DayNumber; resolved: DayNumber | null } | null;
  /** In start order (then id). */
  appointments: AppointmentFact[];
  /** Any contact's day, sorted. */
  contactDays: DayNumber[];
  /** Days of in-work contacts and attended in-work appointments, sorted. */
  inWorkTouchDays: DayNumber[];
  agreements: DayNumber[];
  betterOff: DayNumber[];
  events: EventFact[];
  inWork: InWorkPeriod[];
}

const day = (d: string | null | undefined): DayNumber | null => (d ? toDayNumber(d) : null);
const ascending = (a: number, b: number) => a - b;

function minOrNull(a: DayNumber | null, b: DayNumber | null): DayNumber | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/**
 * In-work periods from job-start and job-end events. A job-start while already in work (a change
 * of job) continues the period; a period ends at the first job-end after its start. On one day a
 * job-end is taken before a job-start, so leaving one job and starting another the same day
 * ends one period and starts the next.
 */
function inWorkPeriods(events: EventFact[]): InWorkPeriod[] {
  const periods: InWorkPeriod[] = [];
  let open: DayNumber | null = null;
  const jobEvents = events
    .filter((e) => e.kind === 'job-start' || e.kind === 'job-end')
    .sort((a, b) => a.day - b.day || (a.kind === 'job-end' ? -1 : 1));
  for (const e of jobEvents) {
    if (e.kind === 'job-start') open ??= e.day;
    else if (open !== null && e.day > open) {
      periods.push({ start: open, end: e.day });
      open = null;
    }
  }
  if (open !== null) periods.push({ start: open, end: null });
  return periods;
}

/** Whether other channels than in person count for R6 on day `d`. */
export function mayMeetRemotely(facts: ParticipantFacts, d: DayNumber): boolean {
  if (facts.cannotAttendInPerson) return true;
  for (const e of facts.inPersonExemptions)
    if (e.from <= d && (e.to === null || d <= e.to)) return true;
  return false;
}

export function isInWork(periods: readonly InWorkPeriod[], d: DayNumber): boolean {
  for (const p of periods) if (p.start <= d && (p.end === null || d < p.end)) return true;
  return false;
}

export function factsOf(p: ParticipantFactsInput): ParticipantFacts {
  const appointments = p.appointments
    .map((a): AppointmentFact => ({
      id: a.id,
      start: a.start,
      day: toDayNumber(a.start),
      kind: a.kind,
      channel: a.channel,
      outcome: a.outcome,
      priorNotice: a.priorNotice === true,
    }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  const events = p.events
    .map((e): EventFact => ({ day: toDayNumber(e.date), kind: e.kind }))
    .sort((a, b) => a.day - b.day || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  const inWorkTouchDays = p.contacts
    .filter((c) => c.kind === 'in-work')
    .map((c) => toDayNumber(c.date));
  for (const a of appointments)
    if (a.kind === 'in-work' && a.outcome === 'attended') inWorkTouchDays.push(a.day);
  return {
    id: p.id,
    referral: day(p.referralDate),
    allocation: day(p.allocationDate),
    initialContact: day(p.initialContact?.date),
    inductionOffered: p.initialContact?.inductionOffered ?? null,
    start: day(p.startDate),
    exit: day(p.exitDate),
    cannotAttendInPerson: p.cannotAttendInPerson === true,
    inPersonExemptions: p.inPersonExemptions
      .map((e) => ({ from: toDayNumber(e.from), to: day(e.to) }))
      .sort((a, b) => a.from - b.from || (a.to ?? Infinity) - (b.to ?? Infinity)),
    exitReviews: p.exitReviews.map(toDayNumber).sort(ascending),
    // A health need with no recorded date cannot start the R9 clock.
    health: p.healthNeed?.recorded
      ? {
          recorded: toDayNumber(p.healthNeed.recorded),
          resolved: minOrNull(day(p.healthNeed.ohReferral), day(p.healthNeed.decidedNoReferral)),
        }
      : null,
    appointments,
    contactDays: p.contacts.map((c) => toDayNumber(c.date)).sort(ascending),
    inWorkTouchDays: inWorkTouchDays.sort(ascending),
    agreements: p.ppepAgreements.map(toDayNumber).sort(ascending),
    betterOff: p.betterOffCalculations.map(toDayNumber).sort(ascending),
    events,
    inWork: inWorkPeriods(events),
  };
}

/** The first value in a sorted array that is >= `from` (or > it when `strict`), else null. */
export function firstFrom(sorted: readonly number[], from: number, strict = false): number | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (strict ? v <= from : v < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo]! : null;
}

/** The last value in a sorted array that is <= `upTo`, else null. */
export function lastUpTo(sorted: readonly number[], upTo: number): number | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= upTo) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1]! : null;
}
