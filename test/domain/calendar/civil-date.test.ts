import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsClamped,
  datePart,
  daysBetween,
  fromDayNumber,
  isCivilDate,
  isLocalDateTime,
  timePart,
  toDayNumber,
  weekdayOf,
} from '../../../src-shared/domain/calendar/civil-date';

describe('civil dates', () => {
  it('accepts real dates only', () => {
    expect(isCivilDate('2028-02-29')).toBe(true);
    expect(isCivilDate('2027-02-29')).toBe(false);
    expect(isCivilDate('2100-02-29')).toBe(false);
    expect(isCivilDate('2000-02-29')).toBe(true);
    expect(isCivilDate('2027-04-31')).toBe(false);
    expect(isCivilDate('2027-1-05')).toBe(false);
    expect(isLocalDateTime('2026-03-29T10:00')).toBe(true);
    expect(isLocalDateTime('2026-03-29T24:00')).toBe(false);
    expect(isLocalDateTime('2026-03-29T10:00Z')).toBe(false);
    expect(isLocalDateTime('2026-03-29T10:00+01:00')).toBe(false);
  });

  it('round-trips day numbers and knows the weekday', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2028-02-29'))).toBe('2028-02-29');
    expect(weekdayOf(toDayNumber('2027-01-15'))).toBe(5); // a Friday
    expect(weekdayOf(toDayNumber('2028-02-29'))).toBe(2); // a Tuesday
    fc.assert(
      fc.property(fc.integer({ min: -40000, max: 80000 }), (n) => {
        const text = fromDayNumber(n);
        expect(isCivilDate(text)).toBe(true);
        expect(toDayNumber(text)).toBe(n);
      }),
    );
  });

  it('adds calendar months clamped to the end of the month', () => {
    expect(addMonthsClamped('2027-01-31', 3)).toBe('2027-04-30');
    expect(addMonthsClamped('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsClamped('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonthsClamped('2027-11-29', 3)).toBe('2028-02-29');
    expect(addMonthsClamped('2028-11-30', 3)).toBe('2029-02-28');
    expect(addMonthsClamped('2027-10-15', 3)).toBe('2028-01-15');
    expect(addMonthsClamped('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonthsClamped('2027-05-31', -3)).toBe('2027-02-28');
  });

  it('counts days across a leap day and across the clock changes', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    // 2026-03-29 has 23 hours in London and 2026-10-25 has 25: a day is still a day.
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(daysBetween('2026-03-01', '2026-11-01')).toBe(245);
  });

  it('keeps a 10:00 appointment at 10:00 on the clock-change days', () => {
    for (const start of ['2026-03-29T10:00', '2026-10-25T10:00', '2026-10-25T01:30']) {
      expect(datePart(start)).toBe(start.slice(0, 10));
      expect(timePart(start)).toBe(start.slice(11));
    }
  });
});
