/** Dates, ranges and lists in plain English for the reasons the diary gives. */
import {
  fromDayNumber,
  partsFromDayNumber,
  weekdayOf,
  type DayNumber,
} from '../calendar/civil-date';
import { dayMonthYear, monthName, weekdayName } from '../../wording/dates';
import { WEEKDAY_KEYS, type WeekdayKey } from './wall-clock';

// WEEKDAY_KEYS runs Monday to Sunday; the shared names count from Sunday.
const DAY_NAMES = Object.fromEntries(
  WEEKDAY_KEYS.map((key, i) => [key, weekdayName((i + 1) % 7)]),
) as Record<WeekdayKey, string>;

/** '25 December 2026'. */
export function longDate(day: DayNumber): string {
  return dayMonthYear(fromDayNumber(day));
}

/** 'Friday 25 December 2026'. */
export function longDateWithWeekday(day: DayNumber): string {
  const name = DAY_NAMES[WEEKDAY_KEYS[(weekdayOf(day) + 6) % 7]!];
  return `${name} ${longDate(day)}`;
}

/** '22–26 December 2026', '30 November – 2 December 2026', or one date. */
export function dateRange(from: DayNumber, to: DayNumber): string {
  if (from === to) return longDate(from);
  const a = partsFromDayNumber(from);
  const b = partsFromDayNumber(to);
  if (a.year === b.year && a.month === b.month)
    return `${a.day}–${b.day} ${monthName(b.month)} ${b.year}`;
  if (a.year === b.year) return `${a.day} ${monthName(a.month)} – ${longDate(to)}`;
  return `${longDate(from)} – ${longDate(to)}`;
}

/** 'a', 'a and b', 'a, b and c'. */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** 'weekdays', 'Mondays and Wednesdays'. */
export function weekdaysPhrase(days: readonly WeekdayKey[]): string {
  const set = new Set(days);
  const ordered = WEEKDAY_KEYS.filter((d) => set.has(d));
  if (ordered.length === 5 && !set.has('sat') && !set.has('sun')) return 'weekdays';
  if (ordered.length === 7) return 'any day';
  return joinList(ordered.map((d) => `${DAY_NAMES[d]}s`));
}

export const dayName = (d: WeekdayKey): string => DAY_NAMES[d];

/** Consecutive runs of day numbers: [[from, to], …]. */
export function runsOf(days: readonly DayNumber[]): [DayNumber, DayNumber][] {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: [DayNumber, DayNumber][] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    if (last && d === last[1] + 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs;
}
