/**
 * The diary as intervals per day, built once per question: who is busy when, which room is free,
 * which hours an office is open and the adviser works. The slot finder, the meeting planner and
 * the booking checks all ask it, so they can never disagree.
 */
import { effectiveUnavailable } from './participant-times';
import { toDayNumber, type DayNumber } from '../calendar/civil-date';
import type {
  AdviserLeave,
  BusyAppointment,
  DiaryContext,
  DiaryOffice,
  DiaryRoom,
  UnavailableTime,
  WeeklySessions,
  WorkingPattern,
} from './model';
import {
  dateOfDay,
  MINUTES_PER_DAY,
  timeToMinutes,
  toMinute,
  weekdayKey,
  type WeekdayKey,
} from './wall-clock';

/** [start, end) in minutes since midnight of its day. */
export type Span = readonly [number, number];

interface Busy {
  start: number;
  end: number;
  leave: AdviserLeave | null;
}

/** Why a whole day is out, for one office. */
export type DayBlock =
  | { kind: 'weekend' }
  | { kind: 'bank-holiday' | 'closure'; reason: string }
  | { kind: 'office-shut'; weekday: WeekdayKey }
  | { kind: 'adviser-not-working'; weekday: WeekdayKey }
  | { kind: 'no-overlap'; weekday: WeekdayKey };

export interface OfficeDay {
  block: DayBlock | null;
  /** Office hours ∩ the adviser's working pattern, sorted. */
  windows: Span[];
}

/** What stops one candidate time. */
export interface CandidateCheck {
  /** The leave that covers this time (in the fast path, only the first found). */
  leaves: AdviserLeave[];
  adviserBooked: boolean;
  participantBooked: boolean;
  /** The participant's constraints this time falls in (in the fast path, only the first). */
  constraints: UnavailableTime[];
  /** In person and no suitable room is free (or none exists). */
  noRoom: boolean;
  room: DiaryRoom | null;
}

const overlaps = (list: readonly Busy[] | undefined, start: number, end: number) => {
  if (!list) return null;
  for (const b of list) if (b.start < end && b.end > start) return b;
  return null;
};

function toSpans(sessions: readonly (readonly [string, string])[] | undefined): Span[] {
  return (sessions ?? [])
    .map(([a, b]) => [timeToMinutes(a), timeToMinutes(b)] as const)
    .sort((x, y) => x[0] - y[0]);
}

export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const x of a)
    for (const y of b) {
      const s = Math.max(x[0], y[0]);
      const e = Math.min(x[1], y[1]);
      if (s < e) out.push([s, e]);
    }
  return out.sort((p, q) => p[0] - q[0]);
}

/** The pattern in force on a day: the latest-starting one that covers it. */
export function patternOn(
  patterns: readonly WorkingPattern[],
  date: string,
): WorkingPattern | null {
  let best: WorkingPattern | null = null;
  for (const p of patterns)
    if (p.effectiveFrom <= date && (p.effectiveTo === null || p.effectiveTo >= date))
      if (!best || p.effectiveFrom > best.effectiveFrom) best = p;
  return best;
}

/** Rooms meeting the participant's needs, smallest first so larger rooms stay free for groups. */
function suitableRooms(office: DiaryOffice, stepFree: boolean, loop: boolean): DiaryRoom[] {
  if (stepFree && !office.stepFree) return [];
  return office.rooms
    .filter((r) => (!stepFree || r.stepFree) && (!loop || r.equipment.includes('hearing-loop')))
    .sort(
      (a, b) =>
        a.capacity - b.capacity || a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1),
    );
}

export class DiaryIndex {
  readonly offices: readonly DiaryOffice[];
  private readonly adviserBusy = new Map<DayNumber, Busy[]>();
  private readonly participantBusy = new Map<DayNumber, Busy[]>();
  /** office id → room name → day → bookings; nested maps, so no key strings are built. */
  private readonly roomBusy = new Map<string, Map<string, Map<DayNumber, Busy[]>>>();
  private readonly constraintsByDay: Map<WeekdayKey, { span: Span; c: UnavailableTime }[]>;
  /** Kept as spans, not expanded day by day: a stored closure's length costs nothing. */
  private readonly closures = new Map<
    string,
    { from: DayNumber; to: DayNumber; reason: string }[]
  >();
  private readonly hours = new Map<string, Partial<Record<WeekdayKey, Span[]>>>();
  private readonly rooms = new Map<string, DiaryRoom[]>();
  private readonly officeById = new Map<string, DiaryOffice>();

  constructor(readonly ctx: DiaryContext) {
    this.offices = [...ctx.offices].sort(
      (a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1),
    );
    const { needsStepFree, needsHearingLoop } = ctx.participant.constraints;
    for (const o of this.offices) {
      this.officeById.set(o.id, o);
      this.closures.set(
        o.id,
        o.closures.map((c) => ({
          from: toDayNumber(c.from),
          to: toDayNumber(c.to),
          reason: c.reason,
        })),
      );
      const hours: Partial<Record<WeekdayKey, Span[]>> = {};
      for (const [k, v] of Object.entries(o.openingHours) as [
        WeekdayKey,
        WeeklySessions[WeekdayKey],
      ][])
        hours[k] = toSpans(v);
      this.hours.set(o.id, hours);
      this.rooms.set(o.id, suitableRooms(o, needsStepFree, needsHearingLoop));
    }
    for (const l of ctx.adviser.leave) this.addLeave(l);
    for (const a of ctx.appointments) this.add(a);
    this.constraintsByDay = new Map();
    for (const c of effectiveUnavailable(ctx.participant.constraints))
      for (const d of c.days) {
        const list = this.constraintsByDay.get(d) ?? [];
        list.push({ span: [timeToMinutes(c.from), timeToMinutes(c.to)], c });
        this.constraintsByDay.set(d, list);
      }
  }

  office(id: string): DiaryOffice | undefined {
    return this.officeById.get(id);
  }

  /** Takes an appointment into account (the planner adds the meetings it has placed). */
  add(a: BusyAppointment): void {
    const start = toMinute(a.start);
    const day = Math.floor(start / MINUTES_PER_DAY);
    const busy: Busy = {
      start: start - day * MINUTES_PER_DAY,
      end: toMinute(a.end) - day * MINUTES_PER_DAY,
      leave: null,
    };
    if (a.adviserId === this.ctx.adviser.id) push(this.adviserBusy, day, busy);
    if (a.participantId === this.ctx.participant.id) push(this.participantBusy, day, busy);
    if (a.officeId && a.room) {
      let rooms = this.roomBusy.get(a.officeId);
      if (!rooms) this.roomBusy.set(a.officeId, (rooms = new Map()));
      let days = rooms.get(a.room);
      if (!days) rooms.set(a.room, (days = new Map()));
      push(days, day, busy);
    }
  }

  private addLeave(l: AdviserLeave): void {
    const first = toDayNumber(l.from);
    const last = toDayNumber(l.to);
    for (let d = first; d <= last; d++) {
      const start = d === first && l.startTime ? timeToMinutes(l.startTime) : 0;
      const end = d === last && l.endTime ? timeToMinutes(l.endTime) : MINUTES_PER_DAY;
      if (start < end) push(this.adviserBusy, d, { start, end, leave: l });
    }
  }

  /** Appointments the participant already has on a day (for the planner's one-a-day spacing). */
  participantHasAppointment(day: DayNumber): boolean {
    return (this.participantBusy.get(day)?.length ?? 0) > 0;
  }

  /** Is the office open and the adviser working on this day, and when. */
  officeDay(office: DiaryOffice, day: DayNumber): OfficeDay {
    const calendar = this.ctx.calendars[office.nation];
    if (!calendar.isWorkingDayNumber(day)) {
      const date = dateOfDay(day);
      const reason = calendar.nonWorkingReason(date) ?? 'weekend';
      return {
        block: reason === 'weekend' ? { kind: 'weekend' } : { kind: 'bank-holiday', reason },
        windows: [],
      };
    }
    const closure = this.closures.get(office.id)!.find((c) => c.from <= day && day <= c.to)?.reason;
    if (closure !== undefined) return { block: { kind: 'closure', reason: closure }, windows: [] };
    const weekday = weekdayKey(day);
    const open = this.hours.get(office.id)![weekday] ?? [];
    if (open.length === 0) return { block: { kind: 'office-shut', weekday }, windows: [] };
    const patterns = this.ctx.adviser.patterns;
    if (patterns.length === 0) return { block: null, windows: open };
    const pattern = patternOn(patterns, dateOfDay(day));
    const works = pattern ? toSpans(pattern.sessions[weekday]) : [];
    if (works.length === 0) return { block: { kind: 'adviser-not-working', weekday }, windows: [] };
    const windows = intersectSpans(open, works);
    if (windows.length === 0) return { block: { kind: 'no-overlap', weekday }, windows: [] };
    return { block: null, windows };
  }

  /**
   * Everything that stops [start, end) on `day` at `office`. With `full` false it stops at the
   * first obstacle (the finder's hot path); with `full` true it looks at all of them (reasons).
   */
  check(
    office: DiaryOffice | null,
    day: DayNumber,
    start: number,
    end: number,
    inPerson: boolean,
    full: boolean,
  ): CandidateCheck {
    const out: CandidateCheck = {
      leaves: [],
      adviserBooked: false,
      participantBooked: false,
      constraints: [],
      noRoom: false,
      room: null,
    };
    const adviser = overlaps(this.adviserBusy.get(day), start, end);
    if (adviser) {
      if (!full) {
        if (adviser.leave) out.leaves.push(adviser.leave);
        else out.adviserBooked = true;
        return out;
      }
      for (const b of this.adviserBusy.get(day)!)
        if (b.start < end && b.end > start) {
          if (b.leave) out.leaves.push(b.leave);
          else out.adviserBooked = true;
        }
    }
    if (overlaps(this.participantBusy.get(day), start, end)) {
      out.participantBooked = true;
      if (!full) return out;
    }
    for (const { span, c } of this.constraintsByDay.get(weekdayKey(day)) ?? [])
      if (span[0] < end && span[1] > start) {
        out.constraints.push(c);
        if (!full) return out;
      }
    if (inPerson && office) {
      const rooms = this.rooms.get(office.id)!;
      if (office.rooms.length === 0) {
        // A venue with no rooms listed (an outreach session in a library): the venue itself.
        const needs = this.ctx.participant.constraints;
        out.noRoom =
          (needs.needsHearingLoop && office.hearingLoop !== true) ||
          (needs.needsStepFree && !office.stepFree);
      } else {
        const booked = this.roomBusy.get(office.id);
        out.room = rooms.find((r) => !overlaps(booked?.get(r.name)?.get(day), start, end)) ?? null;
        out.noRoom = out.room === null;
      }
    }
    return out;
  }

  /** The named room at an office, if it exists. */
  roomNamed(officeId: string, name: string): DiaryRoom | undefined {
    return this.officeById.get(officeId)?.rooms.find((r) => r.name === name);
  }

  roomFree(officeId: string, room: string, day: DayNumber, start: number, end: number): boolean {
    return !overlaps(this.roomBusy.get(officeId)?.get(room)?.get(day), start, end);
  }

  /** The adviser's leave that covers any part of the day. */
  leaveOn(day: DayNumber): AdviserLeave[] {
    return (this.adviserBusy.get(day) ?? []).flatMap((b) => (b.leave ? [b.leave] : []));
  }
}

function push(map: Map<DayNumber, Busy[]>, day: DayNumber, b: Busy): void {
  const list = map.get(day);
  if (list) list.push(b);
  else map.set(day, [b]);
}
