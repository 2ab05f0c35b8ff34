/**
 * Europe/London wall-clock times as whole minutes: day number x 1440 + minutes since midnight.
 * Integer arithmetic on the wall clock, so a clock change never moves an appointment: 10:00 on
 * the last Sunday of March is 10:00, whatever UTC says.
 */
import {
  fromDayNumber,
  toDayNumber,
  weekdayOf,
  type CivilDate,
  type DayNumber,
} from '../calendar/civil-date';

export type Minute = number;
export const MINUTES_PER_DAY = 1440;

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** 'HH:MM' to minutes since midnight. */
export function timeToMinutes(time: string): number {
  return (
    (time.charCodeAt(0) - 48) * 600 +
    (time.charCodeAt(1) - 48) * 60 +
    (time.charCodeAt(3) - 48) * 10 +
    (time.charCodeAt(4) - 48)
  );
}

export function minutesToTime(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** 'YYYY-MM-DDTHH:MM' to a minute index. */
export function toMinute(local: string): Minute {
  return toDayNumber(local.slice(0, 10)) * MINUTES_PER_DAY + timeToMinutes(local.slice(11, 16));
}

export function fromMinute(m: Minute): string {
  const day = Math.floor(m / MINUTES_PER_DAY);
  return `${fromDayNumber(day)}T${minutesToTime(m - day * MINUTES_PER_DAY)}`;
}

export const dayOfMinute = (m: Minute): DayNumber => Math.floor(m / MINUTES_PER_DAY);
export const startOfDay = (day: DayNumber): Minute => day * MINUTES_PER_DAY;

/** 'mon' … 'sun' for a day number. */
export function weekdayKey(day: DayNumber): WeekdayKey {
  return WEEKDAY_KEYS[(weekdayOf(day) + 6) % 7]!;
}

export function dateOfDay(day: DayNumber): CivilDate {
  return fromDayNumber(day);
}
