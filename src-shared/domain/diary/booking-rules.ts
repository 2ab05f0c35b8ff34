/**
 * What a booking must respect beyond clashes (which the database checks against the whole
 * diary): a working day at the office, its opening hours, the adviser's working pattern and
 * leave, and a room that exists and meets the participant's needs. Returns the first refusal,
 * worded for the adviser, or null.
 */
import { toDayNumber } from '../calendar/civil-date';
import { DiaryIndex, patternOn, type Span } from './availability';
import type { DiaryContext, SlotChannel } from './model';
import { MINUTES_PER_DAY, minutesToTime, timeToMinutes, weekdayKey } from './wall-clock';
import { dateRange, dayName, joinList, longDateWithWeekday } from './wording';

export interface BookingToCheck {
  officeId?: string | null;
  room?: string | null;
  start: string;
  end: string;
  channel: SlotChannel;
}

export interface BookingRefusal {
  field: 'start' | 'room' | 'officeId';
  message: string;
}

const NATION_NAMES = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
} as const;

const within = (spans: readonly Span[], s: number, e: number) =>
  spans.some(([a, b]) => a <= s && e <= b);
const spanWords = (spans: readonly Span[]) =>
  joinList(spans.map(([a, b]) => `${minutesToTime(a)}–${minutesToTime(b)}`));

export function bookingRefusal(ctx: DiaryContext, b: BookingToCheck): BookingRefusal | null {
  const index = new DiaryIndex(ctx);
  const day = toDayNumber(b.start.slice(0, 10));
  const s = timeToMinutes(b.start.slice(11, 16));
  const e = timeToMinutes(b.end.slice(11, 16));
  const weekday = weekdayKey(day);
  const when = longDateWithWeekday(day);
  const office = b.officeId ? index.office(b.officeId) : undefined;
  if (office) {
    const od = index.officeDay(office, day);
    const block = od.block;
    if (block?.kind === 'weekend')
      return { field: 'start', message: `${when} is a weekend: ${office.name} is closed` };
    if (block?.kind === 'bank-holiday')
      return {
        field: 'start',
        message: `${when} is a bank holiday in ${NATION_NAMES[office.nation]} (${block.reason}): ${office.name} is closed`,
      };
    if (block?.kind === 'closure')
      return { field: 'start', message: `${office.name} is closed on ${when} (${block.reason})` };
    const open = (office.openingHours[weekday] ?? []).map(
      ([a, z]) => [timeToMinutes(a), timeToMinutes(z)] as const,
    );
    if (open.length === 0)
      return { field: 'start', message: `${office.name} is not open on ${dayName(weekday)}s` };
    if (!within(open, s, e))
      return {
        field: 'start',
        message: `${office.name} is open ${spanWords(open)} on ${dayName(weekday)}s: the appointment must fit inside`,
      };
  }
  if (ctx.adviser.patterns.length > 0) {
    const pattern = patternOn(ctx.adviser.patterns, b.start.slice(0, 10));
    const works = (pattern?.sessions[weekday] ?? []).map(
      ([a, z]) => [timeToMinutes(a), timeToMinutes(z)] as const,
    );
    if (works.length === 0)
      return {
        field: 'start',
        message: pattern
          ? `The adviser does not work on ${dayName(weekday)}s`
          : `No working pattern of the adviser covers ${when}`,
      };
    if (!within(works, s, e))
      return {
        field: 'start',
        message: `The adviser works ${spanWords(works)} on ${dayName(weekday)}s: the appointment must fit inside`,
      };
  }
  const leave = index.leaveOn(day).find((l) => {
    const first = toDayNumber(l.from);
    const last = toDayNumber(l.to);
    const from = day === first && l.startTime ? timeToMinutes(l.startTime) : 0;
    const to = day === last && l.endTime ? timeToMinutes(l.endTime) : MINUTES_PER_DAY;
    return from < e && to > s;
  });
  if (leave) {
    const range = dateRange(toDayNumber(leave.from), toDayNumber(leave.to));
    const times =
      leave.startTime || leave.endTime
        ? ` (${leave.startTime ?? 'start of day'}–${leave.endTime ?? 'end of day'})`
        : '';
    return { field: 'start', message: `The adviser is on leave ${range}${times}` };
  }
  if (office && b.room && office.rooms.length > 0) {
    const room = index.roomNamed(office.id, b.room);
    if (!room)
      return { field: 'room', message: `There is no room called ${b.room} at ${office.name}` };
    const needs = ctx.participant.constraints;
    if (needs.needsStepFree && !room.stepFree)
      return {
        field: 'room',
        message: `${room.name} is not step-free, and the participant needs a step-free room`,
      };
    if (needs.needsHearingLoop && !room.equipment.includes('hearing-loop'))
      return {
        field: 'room',
        message: `${room.name} has no hearing loop, and the participant needs one`,
      };
  }
  return null;
}
