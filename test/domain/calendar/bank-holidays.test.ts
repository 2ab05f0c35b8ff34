import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankHolidaysByRule } from '../../../src-shared/domain/calendar/bank-holiday-rules';
import { parseBankHolidayFeed } from '../../../src-shared/domain/calendar/bank-holiday-feed';
import { easterSunday } from '../../../src-shared/domain/calendar/easter';
import { NATIONS, type Nation } from '../../../src-shared/domain/calendar/nations';
import {
  calendarsFrom,
  shippedBankHolidays,
} from '../../../src-shared/domain/calendar/shipped-calendars';

const root = resolve(import.meta.dirname, '../../..');
const projected2028 = parseBankHolidayFeed(
  JSON.parse(
    readFileSync(resolve(root, 'test/fixtures/calendar/bank-holidays-2028-projected.json'), 'utf8'),
  ),
);
const dates = (nation: Nation, year: number) => bankHolidaysByRule(nation, year).map((e) => e.date);

describe('Easter by the Gregorian computus', () => {
  it('matches known Easter Sundays, including the earliest and latest possible', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2028)).toBe('2028-04-16');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(2000)).toBe('2000-04-23');
  });
});

describe('bank holidays by the statutory rules', () => {
  it('reproduce the published gov.uk file for 2024-2027 exactly (title, date, notes, bunting)', () => {
    const published = shippedBankHolidays();
    for (const nation of NATIONS) {
      const computed = [2024, 2025, 2026, 2027].flatMap((y) => bankHolidaysByRule(nation, y));
      expect(computed).toEqual(published[nation].events);
    }
  });

  it('reproduce the projected 2028 file', () => {
    for (const nation of NATIONS)
      expect(bankHolidaysByRule(nation, 2028)).toEqual(projected2028[nation].events);
  });

  it('differ by nation: 2 January and St Andrew’s Day in Scotland, St Patrick and 12 July in Northern Ireland', () => {
    expect(dates('scotland', 2026)).toContain('2026-01-02');
    expect(dates('england-and-wales', 2026)).not.toContain('2026-01-02');
    expect(dates('scotland', 2026)).toContain('2026-11-30');
    expect(dates('scotland', 2026)).not.toContain('2026-04-06'); // no Easter Monday in Scotland
    expect(dates('scotland', 2026)).toContain('2026-08-03'); // first Monday of August
    expect(dates('england-and-wales', 2026)).toContain('2026-08-31'); // last Monday of August
    expect(dates('northern-ireland', 2026)).toEqual(
      expect.arrayContaining(['2026-03-17', '2026-07-13', '2026-04-06']),
    );
    expect(dates('england-and-wales', 2026)).not.toContain('2026-03-17');
  });

  it('give substitute days when a fixed holiday falls on a weekend', () => {
    // Christmas on a Sunday: Boxing Day keeps Monday, Christmas moves to Tuesday.
    const e2022 = bankHolidaysByRule('england-and-wales', 2022).slice(-2);
    expect(e2022).toEqual([
      { title: 'Boxing Day', date: '2022-12-26', notes: '', bunting: true },
      { title: 'Christmas Day', date: '2022-12-27', notes: 'Substitute day', bunting: true },
    ]);
    // 1 and 2 January on a Saturday and Sunday: Monday and Tuesday in Scotland.
    expect(dates('scotland', 2028).slice(0, 2)).toEqual(['2028-01-03', '2028-01-04']);
    // St Andrew's Day on a Saturday, St Patrick's on a Sunday, 12 July on a Saturday.
    expect(dates('scotland', 2024)).toContain('2024-12-02');
    expect(dates('northern-ireland', 2024)).toContain('2024-03-18');
    expect(dates('northern-ireland', 2026)).toContain('2026-07-13');
    expect(dates('northern-ireland', 2026)).not.toContain('2026-07-12');
  });
});

describe('a calendar from published data and rules', () => {
  const cal = calendarsFrom();

  it('flags computed years as projected and published ones as not', () => {
    expect(cal['england-and-wales'].holidays(2027).every((h) => !h.projected)).toBe(true);
    const y2028 = cal['england-and-wales'].holidays(2028);
    expect(y2028.every((h) => h.projected)).toBe(true);
    expect(y2028.map((h) => h.date)).toEqual(
      projected2028['england-and-wales'].events.map((e) => e.date),
    );
    expect(cal.scotland.nonWorkingReason('2028-11-30')).toBe('St Andrew’s Day (projected)');
    expect(cal.scotland.nonWorkingReason('2027-11-30')).toBe('St Andrew’s Day');
  });

  it('lets published data win over the rules', () => {
    const feed = shippedBankHolidays();
    // A one-off holiday the rules cannot know (like the 2023 Coronation).
    const withOneOff = calendarsFrom({
      ...feed,
      'england-and-wales': {
        division: 'england-and-wales',
        events: [
          ...feed['england-and-wales'].events,
          { title: 'One-off holiday', date: '2027-06-07', notes: '', bunting: true },
        ],
      },
    });
    expect(cal['england-and-wales'].isWorkingDay('2027-06-07')).toBe(true);
    expect(withOneOff['england-and-wales'].isWorkingDay('2027-06-07')).toBe(false);
  });
});
