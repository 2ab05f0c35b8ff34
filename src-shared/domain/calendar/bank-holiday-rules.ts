/**
 * Bank holidays computed from the statutory rules (Banking and Financial Dealings Act 1971 and
 * the proclamations that follow it, St Andrew's Day Bank Holiday (Scotland) Act 2007): used only
 * for years gov.uk has not published. One-off holidays (jubilees, funerals) and one-off moves
 * (VE Day 2020) cannot be computed, which is why published data always wins.
 */
import {
  dayNumberFromParts,
  daysInMonth,
  fromDayNumber,
  isWeekend,
  weekdayOf,
  type CivilDate,
  type DayNumber,
} from './civil-date';
import { easterSundayDay } from './easter';
import type { Nation } from './nations';

/** One event in gov.uk's feed shape. */
export interface BankHolidayEvent {
  title: string;
  date: CivilDate;
  notes: string;
  bunting: boolean;
}

interface Rule {
  title: string;
  day: DayNumber;
  /** Fixed-date holidays move to the next free weekday when they fall on a weekend. */
  fixed: boolean;
  bunting: boolean;
}

function firstMonday(year: number, month: number): DayNumber {
  const first = dayNumberFromParts(year, month, 1);
  return first + ((8 - weekdayOf(first)) % 7);
}

function lastMonday(year: number, month: number): DayNumber {
  const last = dayNumberFromParts(year, month, daysInMonth(year, month));
  return last - ((weekdayOf(last) + 6) % 7);
}

function rulesFor(nation: Nation, year: number): Rule[] {
  const easter = easterSundayDay(year);
  const fixed = (title: string, month: number, day: number, bunting = true): Rule => ({
    title,
    day: dayNumberFromParts(year, month, day),
    fixed: true,
    bunting,
  });
  const movable = (title: string, day: DayNumber, bunting = true): Rule => ({
    title,
    day,
    fixed: false,
    bunting,
  });
  const rules: Rule[] = [
    fixed('New Year’s Day', 1, 1),
    movable('Good Friday', easter - 2, false),
    movable('Early May bank holiday', firstMonday(year, 5)),
    movable('Spring bank holiday', lastMonday(year, 5)),
    fixed('Christmas Day', 12, 25),
    fixed('Boxing Day', 12, 26),
  ];
  if (nation === 'scotland') {
    rules.push(
      fixed('2nd January', 1, 2),
      movable('Summer bank holiday', firstMonday(year, 8)),
      fixed('St Andrew’s Day', 11, 30),
    );
  } else {
    rules.push(
      movable('Easter Monday', easter + 1),
      movable('Summer bank holiday', lastMonday(year, 8)),
    );
  }
  if (nation === 'northern-ireland') {
    rules.push(
      fixed('St Patrick’s Day', 3, 17),
      fixed('Battle of the Boyne (Orangemen’s Day)', 7, 12, false),
    );
  }
  return rules;
}

/**
 * The year's bank holidays for a division, sorted by date. A fixed-date holiday on a weekend is
 * replaced by the next weekday that is not already a holiday, taken in date order: so Christmas
 * on a Sunday gives Boxing Day on Monday 26th and Christmas (substitute) on Tuesday 27th.
 */
export function bankHolidaysByRule(nation: Nation, year: number): BankHolidayEvent[] {
  const rules = rulesFor(nation, year).sort((a, b) => a.day - b.day);
  const taken = new Set<DayNumber>();
  for (const r of rules) if (!isWeekend(r.day)) taken.add(r.day);
  const events: { day: DayNumber; event: BankHolidayEvent }[] = [];
  for (const r of rules) {
    let day = r.day;
    let notes = '';
    if (r.fixed && isWeekend(day)) {
      while (isWeekend(day) || taken.has(day)) day++;
      taken.add(day);
      notes = 'Substitute day';
    }
    events.push({
      day,
      event: { title: r.title, date: fromDayNumber(day), notes, bunting: r.bunting },
    });
  }
  return events.sort((a, b) => a.day - b.day).map((e) => e.event);
}
