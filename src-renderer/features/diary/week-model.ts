/** The adviser's week in dates and times: pure, so the page and its tests agree. */
import { addDays, isCivilDate, toDayNumber, weekdayOf } from '@shared/domain/calendar/civil-date';

/** The Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -((weekdayOf(toDayNumber(date)) + 6) % 7));
}

/** Monday to Sunday. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * The new start and end for moving an appointment to `date` at `time`, keeping its length; or
 * the problem in words.
 */
export function movedTimes(
  appointment: { start: string; end: string },
  date: string,
  time: string,
): { start: string; end: string } | { problem: string; field: 'date' | 'time' } {
  if (!isCivilDate(date))
    return { problem: 'Enter the new date as a real date, for example 7 12 2026', field: 'date' };
  const t = time.trim().replace('.', ':');
  const m = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59)
    return { problem: 'Enter the new time as hours and minutes, for example 14:30', field: 'time' };
  const start = Number(m[1]) * 60 + Number(m[2]);
  const length = minutes(appointment.end.slice(11, 16)) - minutes(appointment.start.slice(11, 16));
  if (start + length >= 24 * 60)
    return { problem: 'The appointment must end on the same day', field: 'time' };
  return { start: `${date}T${hhmm(start)}`, end: `${date}T${hhmm(start + length)}` };
}
