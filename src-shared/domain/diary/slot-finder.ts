/**
 * The slot finder: the earliest times an appointment can go in the diary, respecting the office's
 * opening hours and working days, the adviser's pattern, leave and bookings, a free room that
 * meets the participant's needs, and the participant's own constraints and appointments. Pure and
 * deterministic: the same diary gives the same slots whatever order it was listed in. When
 * nothing fits before the due date it says why, in words, and still offers the earliest slots.
 */
import { isWeekend, toDayNumber, type DayNumber } from '../calendar/civil-date';
import { DiaryIndex, type CandidateCheck } from './availability';
import { distanceKm } from './postcode-districts';
import {
  APPOINTMENT_DURATIONS,
  NOON,
  type TimeOfDay,
  type AdviserLeave,
  type DiaryContext,
  type DiaryOffice,
  type SlotChannel,
  type SlotKind,
  type UnavailableTime,
} from './model';
import { dayOfMinute, fromMinute, MINUTES_PER_DAY, toMinute, type WeekdayKey } from './wall-clock';
import { dateRange, joinList, longDate, runsOf, weekdaysPhrase } from './wording';

export interface SlotRequest {
  kind: SlotKind;
  /** Defaults to the kind's usual length (induction 60, regular 30, …). */
  durationMinutes?: number;
  /** Defaults to the participant's preferred channel. */
  channel?: SlotChannel;
  /** No slot starts before this wall-clock time ('YYYY-MM-DDTHH:MM'): usually "now". */
  earliest: string;
  /** The obligation's due date ('YYYY-MM-DD'), if there is one. */
  dueBy?: string | null;
  count: number;
  /** How far past the later of `earliest` and `dueBy` to look; default six weeks. */
  horizonDays?: number;
  /** Slot starts fall on this grid from the start of each session; default 15 minutes. */
  stepMinutes?: number;
  /** Only these offices (default: all). */
  officeIds?: readonly string[];
  /** Offered first when it has the same time free as another office. */
  preferredOfficeId?: string | null;
  /** The adviser's choice: only times that end by noon, or only times that start from noon. */
  timeOfDay?: TimeOfDay;
  /** The last day to offer ('YYYY-MM-DD'): the end of the adviser's date range. */
  lastDate?: string | null;
  /**
   * One time a day (alternating morning and afternoon) before a second time on any day, so the
   * participant has a real choice rather than five times a quarter of an hour apart.
   */
  spreadAcrossDays?: boolean;
}

export interface Slot {
  start: string;
  end: string;
  kind: SlotKind;
  channel: SlotChannel;
  officeId: string;
  officeName: string;
  /** The room booked for an in-person appointment at an office with rooms. */
  room: string | null;
  /** After the due date (false when there is none). */
  afterDue: boolean;
  /** From the participant's postcode district to the venue's, when both are known. */
  distanceKm: number | null;
}

export interface SlotResult {
  slots: Slot[];
  /** null without a due date. */
  fitsBeforeDue: boolean | null;
  /** Why nothing fits before the due date (or at all): plain sentences, most decisive first. */
  reasons: string[];
}

export const DEFAULT_HORIZON_DAYS = 42;

export interface ScanOptions {
  kind: SlotKind;
  duration: number;
  channel: SlotChannel;
  step: number;
  offices: readonly DiaryOffice[];
  dueDay: DayNumber | null;
  timeOfDay: TimeOfDay;
  /** Office id → distance from the participant, for the offices where it is known. */
  distances: ReadonlyMap<string, number>;
}

/** Kilometres from the participant to each office whose place is known (one decimal). */
export function officeDistances(index: DiaryIndex): Map<string, number> {
  const home = index.ctx.participant.location;
  const out = new Map<string, number>();
  if (!home) return out;
  for (const o of index.offices)
    if (o.location) out.set(o.id, Math.round(distanceKm(home, o.location) * 10) / 10);
  return out;
}

/**
 * Offices in the order slots are offered: the preferred one, then the nearest to where the
 * participant lives (offices whose place is unknown after those whose place is known), then by
 * name.
 */
export function rankOffices(
  index: DiaryIndex,
  officeIds?: readonly string[],
  preferred?: string | null,
  distances: ReadonlyMap<string, number> = officeDistances(index),
): DiaryOffice[] {
  const allowed = officeIds ? new Set(officeIds) : null;
  const list = index.offices.filter((o) => !allowed || allowed.has(o.id));
  const far = Number.POSITIVE_INFINITY;
  // index.offices is already in name order and sort is stable, so ties stay in name order.
  const byDistance = [...list].sort(
    (a, b) => (distances.get(a.id) ?? far) - (distances.get(b.id) ?? far),
  );
  const first = byDistance.filter((o) => o.id === preferred);
  return [...first, ...byDistance.filter((o) => o.id !== preferred)];
}

export function scanOptions(index: DiaryIndex, req: SlotRequest): ScanOptions {
  const distances = officeDistances(index);
  return {
    kind: req.kind,
    duration: req.durationMinutes ?? APPOINTMENT_DURATIONS[req.kind],
    channel: req.channel ?? index.ctx.participant.constraints.preferredChannel,
    step: req.stepMinutes ?? 15,
    offices: rankOffices(index, req.officeIds, req.preferredOfficeId, distances),
    dueDay: req.dueBy ? toDayNumber(req.dueBy) : null,
    timeOfDay: req.timeOfDay ?? 'any',
    distances,
  };
}

/** Does [start, start + duration) suit the adviser's choice of morning or afternoon. */
function suitsTimeOfDay(o: ScanOptions, start: number): boolean {
  if (o.timeOfDay === 'mornings') return start + o.duration <= NOON;
  if (o.timeOfDay === 'afternoons') return start >= NOON;
  return true;
}

/** The free starts of one day, earliest first, one office per start (the best ranked). */
export function slotsOnDay(
  index: DiaryIndex,
  o: ScanOptions,
  day: DayNumber,
  notBefore: number,
): Slot[] {
  const inPerson = o.channel === 'in-person';
  const byStart = new Map<number, Slot>();
  for (const office of o.offices) {
    const { windows } = index.officeDay(office, day);
    for (const [ws, we] of windows) {
      let t = ws;
      if (t < notBefore) t = ws + Math.ceil((notBefore - ws) / o.step) * o.step;
      for (; t + o.duration <= we; t += o.step) {
        if (byStart.has(t) || !suitsTimeOfDay(o, t)) continue;
        const c = index.check(office, day, t, t + o.duration, inPerson, false);
        if (blocked(c)) continue;
        const base = day * MINUTES_PER_DAY;
        byStart.set(t, {
          start: fromMinute(base + t),
          end: fromMinute(base + t + o.duration),
          kind: o.kind,
          channel: o.channel,
          officeId: office.id,
          officeName: office.name,
          room: c.room?.name ?? null,
          afterDue: o.dueDay !== null && day > o.dueDay,
          distanceKm: o.distances.get(office.id) ?? null,
        });
      }
    }
  }
  return [...byStart.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
}

const blocked = (c: CandidateCheck) =>
  c.leaves.length > 0 ||
  c.adviserBooked ||
  c.participantBooked ||
  c.constraints.length > 0 ||
  c.noRoom;

/** The earliest `count` slots from `fromMinute` up to and including `lastDay`. */
export function scan(
  index: DiaryIndex,
  o: ScanOptions,
  fromMinute: number,
  lastDay: DayNumber,
  count: number,
  acceptDay: (day: DayNumber) => boolean = () => true,
): Slot[] {
  const out: Slot[] = [];
  const firstDay = dayOfMinute(fromMinute);
  for (let day = firstDay; day <= lastDay && out.length < count; day++) {
    if (!acceptDay(day)) continue;
    const notBefore = day === firstDay ? fromMinute - day * MINUTES_PER_DAY : 0;
    for (const s of slotsOnDay(index, o, day, notBefore)) {
      out.push(s);
      if (out.length === count) break;
    }
  }
  return out;
}

export function findSlots(ctx: DiaryContext, req: SlotRequest): SlotResult {
  return findSlotsIn(new DiaryIndex(ctx), req);
}

export function findSlotsIn(index: DiaryIndex, req: SlotRequest): SlotResult {
  const o = scanOptions(index, req);
  const from = toMinute(req.earliest);
  const fromDay = dayOfMinute(from);
  const horizon = req.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const lastDay = req.lastDate
    ? toDayNumber(req.lastDate)
    : Math.max(fromDay, o.dueDay ?? fromDay) + horizon;
  const slots = collect(index, o, from, lastDay, req.count, req.spreadAcrossDays === true);
  if (o.dueDay === null) {
    return {
      slots,
      fitsBeforeDue: null,
      reasons: slots.length > 0 ? [] : explain(index, o, from, lastDay),
    };
  }
  const fits = slots.some((s) => !s.afterDue);
  return {
    slots,
    fitsBeforeDue: fits,
    reasons: fits ? [] : explain(index, o, from, Math.min(o.dueDay, lastDay)),
  };
}

/**
 * Up to `count` slots: those before the due date first, then later ones. When the participant's
 * place is known, venue by venue from the nearest, so a nearer venue's times always come before a
 * farther one's; otherwise time by time across all venues.
 */
function collect(
  index: DiaryIndex,
  o: ScanOptions,
  from: number,
  lastDay: DayNumber,
  count: number,
  spread: boolean,
): Slot[] {
  const groups = o.distances.size > 0 ? o.offices.map((office) => [office]) : [o.offices];
  const out: Slot[] = [];
  const windows: [number, DayNumber][] =
    o.dueDay !== null && o.dueDay < lastDay && o.dueDay >= dayOfMinute(from)
      ? [
          [from, o.dueDay],
          [Math.max(from, (o.dueDay + 1) * MINUTES_PER_DAY), lastDay],
        ]
      : [[from, lastDay]];
  for (const [start, last] of windows)
    for (const offices of groups) {
      if (out.length >= count) return out;
      const g = { ...o, offices };
      const need = count - out.length;
      out.push(
        ...(spread ? spreadScan(index, g, start, last, need) : scan(index, g, start, last, need)),
      );
    }
  return out;
}

/**
 * One slot a day, earliest day first, alternating the earliest time and the first afternoon
 * time; if that gives fewer than `count`, the remaining free times in date order fill the rest.
 * The result is in time order.
 */
export function spreadScan(
  index: DiaryIndex,
  o: ScanOptions,
  fromMinute: number,
  lastDay: DayNumber,
  count: number,
): Slot[] {
  const firstDay = dayOfMinute(fromMinute);
  const chosen: Slot[] = [];
  const rest: Slot[] = [];
  let afternoonFirst = false;
  for (let day = firstDay; day <= lastDay; day++) {
    const notBefore = day === firstDay ? fromMinute - day * MINUTES_PER_DAY : 0;
    const all = slotsOnDay(index, o, day, notBefore);
    if (all.length === 0) continue;
    const pm = afternoonFirst ? all.findIndex((s) => s.start.slice(11) >= '12:00') : -1;
    const pick = pm >= 0 ? pm : 0;
    if (chosen.length < count) {
      chosen.push(all[pick]!);
      afternoonFirst = !afternoonFirst;
      rest.push(...all.filter((_, i) => i !== pick));
    } else break;
  }
  for (const s of rest) {
    if (chosen.length >= count) break;
    chosen.push(s);
  }
  return chosen.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/**
 * Why no slot fits between `from` and `lastDay`: every obstacle met on the way, in words.
 * It walks the same days and times as the finder, but looks at every obstacle of each time.
 */
export function explain(
  index: DiaryIndex,
  o: ScanOptions,
  from: number,
  lastDay: DayNumber,
): string[] {
  const firstDay = dayOfMinute(from);
  if (lastDay < firstDay)
    return [`the due date, ${longDate(lastDay)}, is before ${longDate(firstDay)}`];
  if (o.offices.length === 0) return ['there is no office or venue to meet at'];
  const inPerson = o.channel === 'in-person';
  const closed = new Map<DiaryOffice, Map<DayNumber, string>>();
  const shut = new Map<DiaryOffice, Set<WeekdayKey>>();
  const notWorking = new Set<WeekdayKey>();
  const noOverlap = new Set<WeekdayKey>();
  const leave = new Set<AdviserLeave>();
  const constraints = new Set<UnavailableTime>();
  const adviserFull = new Set<DayNumber>();
  const participantBusy = new Set<DayNumber>();
  const noRoom = new Set<DiaryOffice>();
  let tooLate = false;
  let anyWorkingDay = false;
  for (let day = firstDay; day <= lastDay; day++) {
    for (const office of o.offices) {
      const od = index.officeDay(office, day);
      const b = od.block;
      if (b) {
        if (b.kind === 'bank-holiday' || b.kind === 'closure')
          getOr(closed, office, () => new Map()).set(day, b.reason);
        else if (b.kind === 'office-shut') getOr(shut, office, () => new Set()).add(b.weekday);
        else if (b.kind === 'adviser-not-working') notWorking.add(b.weekday);
        else if (b.kind === 'no-overlap') noOverlap.add(b.weekday);
        if (b.kind !== 'weekend') anyWorkingDay ||= b.kind !== 'bank-holiday';
        continue;
      }
      anyWorkingDay = true;
      for (const [ws, we] of od.windows) {
        for (let t = ws; t + o.duration <= we; t += o.step) {
          if (!suitsTimeOfDay(o, t)) continue;
          if (day === firstDay && day * MINUTES_PER_DAY + t < from) {
            tooLate = true;
            continue;
          }
          const c = index.check(office, day, t, t + o.duration, inPerson, true);
          for (const l of c.leaves) leave.add(l);
          if (c.adviserBooked) adviserFull.add(day);
          if (c.participantBooked) participantBusy.add(day);
          for (const x of c.constraints) constraints.add(x);
          if (c.noRoom) noRoom.add(office);
        }
      }
    }
  }
  const one = o.offices.length === 1;
  const officeLabel = (office: DiaryOffice) => (one ? 'the office' : office.name);
  const reasons: string[] = [];
  const leaveText = [...new Set([...leave].map(leaveWords))];
  const leaveOrder = new Map(
    [...leave].map((l) => [leaveWords(l), `${l.from}${l.startTime ?? ''}`]),
  );
  leaveText.sort((a, b) => compare(leaveOrder.get(a)!, leaveOrder.get(b)!) || compare(a, b));
  for (const words of leaveText) reasons.push(`the adviser is on leave ${words}`);
  for (const office of o.offices) {
    const days = closed.get(office);
    if (!days) continue;
    const parts = bridgeWeekends([...days.keys()]).map(([a, b]) => {
      const why = [...new Set([...days].filter(([d]) => d >= a && d <= b).map(([, r]) => r))];
      return `${dateRange(a, b)} (${why.join('; ')})`;
    });
    reasons.push(`${officeLabel(office)} is closed ${joinList(parts)}`);
  }
  if (notWorking.size > 0)
    reasons.push(`the adviser does not work on ${weekdaysPhrase([...notWorking])}`);
  if (noOverlap.size > 0)
    reasons.push(
      `the adviser's working hours and the opening hours do not meet on ${weekdaysPhrase([...noOverlap])}`,
    );
  for (const office of o.offices) {
    const days = shut.get(office);
    if (days) reasons.push(`${officeLabel(office)} is not open on ${weekdaysPhrase([...days])}`);
  }
  const constraintText = [...constraints]
    .sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to))
    .map(
      (c) =>
        c.words ??
        `the participant cannot do ${weekdaysPhrase(c.days)} ${c.from}–${c.to}${c.reason ? ` (${c.reason})` : ''}`,
    );
  for (const words of new Set(constraintText)) reasons.push(words);
  if (participantBusy.size > 0)
    reasons.push(`the participant already has appointments on ${daysWords(participantBusy)}`);
  if (adviserFull.size > 0)
    reasons.push(`the adviser is already booked at the other times on ${daysWords(adviserFull)}`);
  for (const office of noRoom) reasons.push(roomWords(index, office, one));
  if (tooLate && reasons.length === 0)
    reasons.push(`the rest of ${longDate(firstDay)} is too short or already past`);
  if (!anyWorkingDay && reasons.length === 0)
    reasons.push(`there is no working day from ${longDate(firstDay)} to ${longDate(lastDay)}`);
  if (reasons.length === 0)
    reasons.push(
      `no ${o.duration}-minute gap is free${o.timeOfDay === 'any' ? '' : ` in the ${o.timeOfDay}`} from ${longDate(firstDay)} to ${longDate(lastDay)}`,
    );
  return reasons;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/** Runs of days, joined across weekends (Christmas on a Friday, Boxing Day moved to Monday). */
function bridgeWeekends(days: DayNumber[]): [DayNumber, DayNumber][] {
  const runs: [DayNumber, DayNumber][] = [];
  for (const d of [...days].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    let bridged = !!last;
    if (last) for (let x = last[1] + 1; x < d; x++) if (!isWeekend(x)) bridged = false;
    if (last && bridged) last[1] = d;
    else runs.push([d, d]);
  }
  return runs;
}

function leaveWords(l: AdviserLeave): string {
  const a = toDayNumber(l.from);
  const b = toDayNumber(l.to);
  if (a === b && (l.startTime || l.endTime))
    return `on ${longDate(a)} ${l.startTime ?? 'from the start of the day'}–${l.endTime ?? 'the end of the day'}`;
  const range = dateRange(a, b);
  const times = [
    l.startTime ? `from ${l.startTime} on the first day` : '',
    l.endTime ? `until ${l.endTime} on the last day` : '',
  ].filter(Boolean);
  return times.length > 0 ? `${range} (${times.join(', ')})` : range;
}

function daysWords(days: Set<DayNumber>): string {
  const runs = runsOf([...days]);
  const shown = runs.slice(0, 4).map(([a, b]) => dateRange(a, b));
  return runs.length > 4 ? `${shown.join(', ')} and ${runs.length - 4} more` : joinList(shown);
}

function roomWords(index: DiaryIndex, office: DiaryOffice, one: boolean): string {
  const needs = index.ctx.participant.constraints;
  const label = one ? 'the office' : office.name;
  const where = one ? 'at the office' : `at ${office.name}`;
  if (needs.needsStepFree && !office.stepFree) return `${label} is not step-free`;
  if (office.rooms.length === 0) return `${label} has no hearing loop`;
  const verb =
    needs.needsStepFree && needs.needsHearingLoop
      ? 'is step-free with a hearing loop'
      : needs.needsStepFree
        ? 'is step-free'
        : 'has a hearing loop';
  const suitable = office.rooms.filter(
    (r) =>
      (!needs.needsStepFree || r.stepFree) &&
      (!needs.needsHearingLoop || r.equipment.includes('hearing-loop')),
  );
  if (suitable.length === 0) return `no room ${where} ${verb}`;
  const kind =
    needs.needsStepFree && needs.needsHearingLoop
      ? 'step-free room with a hearing loop'
      : needs.needsStepFree
        ? 'step-free room'
        : needs.needsHearingLoop
          ? 'room with a hearing loop'
          : 'room';
  return `no ${kind} is free ${where} at the other times`;
}
