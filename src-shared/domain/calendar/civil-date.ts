/**
 * Civil dates ('YYYY-MM-DD', Europe/London) as whole day numbers (days since 1970-01-01), so that
 * date arithmetic is integer arithmetic: no Date objects, no time zones, no daylight-saving shifts.
 * The conversions are Howard Hinnant's days_from_civil / civil_from_days.
 */
export type CivilDate = string;
/** Days since 1970-01-01. */
export type DayNumber = number;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function dayNumberFromParts(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function partsFromDayNumber(n: DayNumber): DateParts {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** True for a real calendar date in 'YYYY-MM-DD' form (2027-02-29 is not one). */
export function isCivilDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** True for a Europe/London wall-clock time 'YYYY-MM-DDTHH:MM' on a real date. */
export function isLocalDateTime(value: string): boolean {
  const m = LOCAL_TIME.exec(value);
  return m !== null && isCivilDate(m[1]!);
}

/**
 * Day number of a date already known to be well formed (validated at the edge). Reads the digits
 * directly: this runs hundreds of thousands of times per caseload.
 */
export function toDayNumber(date: CivilDate): DayNumber {
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  return dayNumberFromParts(
    year,
    digit(date, 5) * 10 + digit(date, 6),
    digit(date, 8) * 10 + digit(date, 9),
  );
}

// At module level, not a closure made on every call: under a loader that keeps function names
// (tsx) each closure made costs a defineProperty, which was most of toDayNumber's time.
const digit = (date: string, i: number) => date.charCodeAt(i) - 48;

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function fromDayNumber(n: DayNumber): CivilDate {
  const { year, month, day } = partsFromDayNumber(n);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(n: DayNumber): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function isWeekend(n: DayNumber): boolean {
  const w = weekdayOf(n);
  return w === 0 || w === 6;
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * Same day `months` calendar months later, clamped to the month's end: 31 January + 1 month is
 * 28 (or 29) February, 30 November 2027 + 3 months is 29 February 2028.
 */
export function addMonthsClampedDay(n: DayNumber, months: number): DayNumber {
  const { year, month, day } = partsFromDayNumber(n);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayNumberFromParts(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addMonthsClamped(date: CivilDate, months: number): CivilDate {
  return fromDayNumber(addMonthsClampedDay(toDayNumber(date), months));
}

/** The date part of a 'YYYY-MM-DDTHH:MM' wall-clock time: the time never moves the date. */
export function datePart(localDateTime: string): CivilDate {
  return localDateTime.slice(0, 10);
}

/** The wall-clock part 'HH:MM' of a 'YYYY-MM-DDTHH:MM' time, kept as written. */
export function timePart(localDateTime: string): string {
  return localDateTime.slice(11, 16);
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: CivilDate): string {
  return date.slice(0, 7);
}
