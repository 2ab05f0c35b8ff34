/** Civil dates are 'YYYY-MM-DD' strings in Europe/London; they never carry a time or an offset. */
export { isCivilDate } from '../calendar/civil-date';

// One formatter for every call: building an Intl formatter per write was measurable when seeding.
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's civil date in Europe/London for a given instant (the clock is always a parameter). */
export function londonDate(instant: Date): string {
  return LONDON_DAY.format(instant); // en-CA formats as YYYY-MM-DD
}

/** Whole years between a birth date and a civil date (birthday counted on the day itself). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
