/**
 * Working days for one office or nation: Monday to Friday, less the nation's bank holidays and
 * any extra closures (e.g. an office shut between Christmas and New Year). Published bank
 * holidays win; years with none published are computed by the statutory rules and flagged
 * `projected`. Non-working days are kept in a flat byte array indexed by day number, grown a
 * year range at a time, so the engine's hot loops do no parsing and no allocation.
 */
import {
  dayNumberFromParts,
  fromDayNumber,
  isWeekend,
  partsFromDayNumber,
  toDayNumber,
  type CivilDate,
  type DayNumber,
} from './civil-date';
import { bankHolidaysByRule, type BankHolidayEvent } from './bank-holiday-rules';
import type { Nation } from './nations';

export interface CalendarHoliday extends BankHolidayEvent {
  /** Computed from the rules, not published by gov.uk. */
  projected: boolean;
}

export interface Closure {
  date: CivilDate;
  reason: string;
}

export interface WorkingDayCalendarOptions {
  nation: Nation;
  /** Published events for this nation (gov.uk feed); any year present here is taken as complete. */
  published?: readonly BankHolidayEvent[];
  closures?: readonly Closure[];
}

const WEEKEND = 1;
const HOLIDAY = 2;
const CLOSURE = 4;
/** Years built on first use around the requested date, so a caseload needs one build at most. */
const SPAN = 12;

export class WorkingDayCalendar {
  readonly nation: Nation;
  private readonly published = new Map<number, BankHolidayEvent[]>();
  private readonly closureList: readonly Closure[];
  private readonly computed = new Map<number, CalendarHoliday[]>();
  private firstYear = 0;
  private lastYear = -1;
  private base: DayNumber = 0;
  private flags = new Uint8Array(0);

  constructor(options: WorkingDayCalendarOptions) {
    this.nation = options.nation;
    for (const e of options.published ?? []) {
      const year = Number(e.date.slice(0, 4));
      const list = this.published.get(year) ?? [];
      list.push(e);
      this.published.set(year, list);
    }
    for (const list of this.published.values()) list.sort((a, b) => (a.date < b.date ? -1 : 1));
    this.closureList = [...(options.closures ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  /** The same calendar with these closures added (an office's own closure days). */
  withClosures(closures: readonly Closure[]): WorkingDayCalendar {
    return new WorkingDayCalendar({
      nation: this.nation,
      published: [...this.published.values()].flat(),
      closures: [...this.closureList, ...closures],
    });
  }

  closures(): readonly Closure[] {
    return this.closureList;
  }

  /** The year's bank holidays, published where available, otherwise computed and `projected`. */
  holidays(year: number): CalendarHoliday[] {
    const published = this.published.get(year);
    if (published) return published.map((e) => ({ ...e, projected: false }));
    let computed = this.computed.get(year);
    if (!computed) {
      computed = bankHolidaysByRule(this.nation, year).map((e) => ({ ...e, projected: true }));
      this.computed.set(year, computed);
    }
    return computed.map((e) => ({ ...e }));
  }

  isWorkingDay(date: CivilDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  /** Why a date is not a working day, or null when it is one. */
  nonWorkingReason(date: CivilDate): string | null {
    const n = toDayNumber(date);
    const f = this.flagsOf(n);
    if (f === 0) return null;
    if (f & HOLIDAY) {
      const h = this.holidays(partsFromDayNumber(n).year).find((e) => e.date === date);
      if (h) return h.projected ? `${h.title} (projected)` : h.title;
    }
    if (f & CLOSURE) return this.closureList.find((c) => c.date === date)?.reason ?? 'closed';
    return 'weekend';
  }

  /** The date itself when it is a working day, otherwise the working day before it. */
  adjust(date: CivilDate): CivilDate {
    return fromDayNumber(this.adjustDay(toDayNumber(date)));
  }

  previousWorkingDay(date: CivilDate): CivilDate {
    return fromDayNumber(this.adjustDay(toDayNumber(date) - 1));
  }

  nextWorkingDay(date: CivilDate): CivilDate {
    return fromDayNumber(this.forwardDay(toDayNumber(date) + 1));
  }

  /**
   * `n` working days after `date` (before it when negative), counting from the next working day:
   * Friday + 2 working days is Tuesday, Saturday + 1 is Monday.
   */
  addWorkingDays(date: CivilDate, n: number): CivilDate {
    return fromDayNumber(this.addWorkingDaysDay(toDayNumber(date), n));
  }

  isWorkingDayNumber(n: DayNumber): boolean {
    return this.flagsOf(n) === 0;
  }

  adjustDay(n: DayNumber): DayNumber {
    while (this.flagsOf(n) !== 0) n--;
    return n;
  }

  forwardDay(n: DayNumber): DayNumber {
    while (this.flagsOf(n) !== 0) n++;
    return n;
  }

  addWorkingDaysDay(n: DayNumber, count: number): DayNumber {
    const step = count < 0 ? -1 : 1;
    for (let left = Math.abs(count); left > 0;) {
      n += step;
      if (this.flagsOf(n) === 0) left--;
    }
    return n;
  }

  private flagsOf(n: DayNumber): number {
    const i = n - this.base;
    if (i < 0 || i >= this.flags.length) {
      this.cover(partsFromDayNumber(n).year);
      return this.flags[n - this.base]!;
    }
    return this.flags[i]!;
  }

  private cover(year: number): void {
    const first =
      this.lastYear < this.firstYear ? year - SPAN : Math.min(this.firstYear, year - SPAN);
    const last =
      this.lastYear < this.firstYear ? year + SPAN : Math.max(this.lastYear, year + SPAN);
    const base = dayNumberFromParts(first, 1, 1);
    const flags = new Uint8Array(dayNumberFromParts(last + 1, 1, 1) - base);
    for (let i = 0; i < flags.length; i++) if (isWeekend(base + i)) flags[i] = WEEKEND;
    for (let y = first; y <= last; y++)
      for (const h of this.holidays(y)) flags[toDayNumber(h.date) - base]! |= HOLIDAY;
    for (const c of this.closureList) {
      const i = toDayNumber(c.date) - base;
      if (i >= 0 && i < flags.length) flags[i]! |= CLOSURE;
    }
    this.firstYear = first;
    this.lastYear = last;
    this.base = base;
    this.flags = flags;
  }
}

/** One calendar per nation: what the engine is given. */
export type CalendarSet = Readonly<Record<Nation, WorkingDayCalendar>>;
