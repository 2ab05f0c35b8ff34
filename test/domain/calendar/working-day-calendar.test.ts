import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../../src-shared/domain/calendar/civil-date';
import { NATIONS } from '../../../src-shared/domain/calendar/nations';
import { calendarsFrom } from '../../../src-shared/domain/calendar/shipped-calendars';

const cal = calendarsFrom();
const ew = cal['england-and-wales'];
const sco = cal.scotland;
const ni = cal['northern-ireland'];

describe('working days', () => {
  it('are Monday to Friday less the nation’s bank holidays', () => {
    expect(ew.isWorkingDay('2027-01-15')).toBe(true); // Friday
    expect(ew.isWorkingDay('2027-01-16')).toBe(false); // Saturday
    expect(ew.nonWorkingReason('2027-01-16')).toBe('weekend');
    expect(ew.isWorkingDay('2026-01-02')).toBe(true);
    expect(sco.isWorkingDay('2026-01-02')).toBe(false);
    expect(sco.nonWorkingReason('2026-01-02')).toBe('2nd January');
    expect(ew.isWorkingDay('2027-11-30')).toBe(true);
    expect(sco.isWorkingDay('2027-11-30')).toBe(false);
    expect(ni.isWorkingDay('2027-03-17')).toBe(false);
    expect(ew.isWorkingDay('2027-03-17')).toBe(true);
    expect(ni.isWorkingDay('2027-07-12')).toBe(false);
    expect(sco.isWorkingDay('2027-07-12')).toBe(true);
    expect(ew.isWorkingDay('2027-03-29')).toBe(false); // Easter Monday
    expect(sco.isWorkingDay('2027-03-29')).toBe(true);
  });

  it('move a deadline back across the Christmas and New Year cluster', () => {
    // 2026: Christmas Friday, Boxing Day (substitute) Monday 28th.
    expect(ew.adjust('2026-12-28')).toBe('2026-12-24');
    expect(ew.adjust('2026-12-25')).toBe('2026-12-24');
    expect(ew.adjust('2026-12-29')).toBe('2026-12-29');
    expect(ew.nextWorkingDay('2026-12-24')).toBe('2026-12-29');
    expect(ew.previousWorkingDay('2026-12-29')).toBe('2026-12-24');
    // 2027: Christmas and Boxing Day substitutes on Monday 27th and Tuesday 28th.
    expect(ew.adjust('2027-12-28')).toBe('2027-12-24');
    // New Year 2027 on a Friday; in Scotland 2 January moves to Monday 4th.
    expect(ew.adjust('2027-01-03')).toBe('2026-12-31');
    expect(sco.adjust('2027-01-04')).toBe('2026-12-31');
    expect(ew.adjust('2027-01-04')).toBe('2027-01-04');
    expect(sco.nextWorkingDay('2026-12-31')).toBe('2027-01-05');
    expect(ew.nextWorkingDay('2026-12-31')).toBe('2027-01-04');
  });

  it('move a deadline back across the Easter cluster', () => {
    // Easter 2027: Good Friday 26 March, Easter Monday 29 March (not in Scotland).
    expect(ew.adjust('2027-03-29')).toBe('2027-03-25');
    expect(sco.adjust('2027-03-29')).toBe('2027-03-29');
    expect(sco.adjust('2027-03-28')).toBe('2027-03-25');
    expect(ew.addWorkingDays('2027-03-25', 1)).toBe('2027-03-30');
    expect(sco.addWorkingDays('2027-03-25', 1)).toBe('2027-03-29');
  });

  it('add working days counting from the next working day', () => {
    expect(ew.addWorkingDays('2027-01-15', 2)).toBe('2027-01-19'); // Friday + 2 = Tuesday
    expect(ew.addWorkingDays('2027-01-16', 1)).toBe('2027-01-18'); // Saturday + 1 = Monday
    expect(ew.addWorkingDays('2026-12-23', 2)).toBe('2026-12-29');
    expect(sco.addWorkingDays('2026-12-31', 1)).toBe('2027-01-05');
    expect(ew.addWorkingDays('2027-01-19', -2)).toBe('2027-01-15');
    expect(ew.addWorkingDays('2027-01-15', 0)).toBe('2027-01-15');
  });

  it('take an office’s own closures as input', () => {
    const office = ew.withClosures([
      { date: '2026-12-29', reason: 'Office closed between Christmas and New Year' },
      { date: '2026-12-30', reason: 'Office closed between Christmas and New Year' },
      { date: '2026-12-31', reason: 'Office closed between Christmas and New Year' },
    ]);
    expect(office.isWorkingDay('2026-12-30')).toBe(false);
    expect(office.nonWorkingReason('2026-12-30')).toBe(
      'Office closed between Christmas and New Year',
    );
    expect(office.nextWorkingDay('2026-12-24')).toBe('2027-01-04');
    expect(office.adjust('2027-01-03')).toBe('2026-12-24');
    expect(ew.isWorkingDay('2026-12-30')).toBe(true); // the nation's calendar is unchanged
  });

  it('work for years far from the published data (computed on demand)', () => {
    expect(ew.isWorkingDay('2040-12-25')).toBe(false);
    expect(ew.isWorkingDay('1999-12-27')).toBe(false); // substitute for Christmas on a Saturday
    expect(ew.adjust('2033-01-01')).toBe('2032-12-31');
  });
});

describe('properties', () => {
  const day = fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2035-12-31') });
  const nation = fc.constantFrom(...NATIONS);

  it('adjust() is the latest working day on or before the date', () => {
    fc.assert(
      fc.property(nation, day, (n, d) => {
        const c = cal[n];
        const date = fromDayNumber(d);
        const adjusted = c.adjust(date);
        expect(c.isWorkingDay(adjusted)).toBe(true);
        expect(adjusted <= date).toBe(true);
        for (let x = toDayNumber(adjusted) + 1; x <= d; x++)
          expect(c.isWorkingDay(fromDayNumber(x))).toBe(false);
      }),
    );
  });

  it('addWorkingDays() lands on a working day with exactly n working days passed', () => {
    fc.assert(
      fc.property(nation, day, fc.integer({ min: 1, max: 30 }), (n, d, count) => {
        const c = cal[n];
        const result = c.addWorkingDays(fromDayNumber(d), count);
        expect(c.isWorkingDay(result)).toBe(true);
        let passed = 0;
        for (let x = d + 1; x <= toDayNumber(result); x++)
          if (c.isWorkingDay(fromDayNumber(x))) passed++;
        expect(passed).toBe(count);
      }),
    );
  });
});
