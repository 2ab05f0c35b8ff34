import { describe, expect, it } from 'vitest';
import { mondayOf, movedTimes, weekDays } from '../../src-renderer/features/diary/week-model';

describe('the week in dates', () => {
  it('starts on Monday whatever day it is given, Sunday included', () => {
    expect(mondayOf('2026-12-01')).toBe('2026-11-30'); // Tuesday
    expect(mondayOf('2026-11-30')).toBe('2026-11-30'); // Monday
    expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // Sunday
    expect(weekDays('2026-12-28')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });

  it('moves an appointment keeping its length, and refuses what cannot be', () => {
    const a = { start: '2026-12-02T10:00', end: '2026-12-02T10:45' };
    expect(movedTimes(a, '2026-12-03', '14:30')).toEqual({
      start: '2026-12-03T14:30',
      end: '2026-12-03T15:15',
    });
    expect(movedTimes(a, '2026-12-03', '9.05')).toEqual({
      start: '2026-12-03T09:05',
      end: '2026-12-03T09:50',
    });
    expect(movedTimes(a, '2026-11-31', '10:00')).toMatchObject({ field: 'date' });
    expect(movedTimes(a, '2026-12-03', '24:00')).toMatchObject({ field: 'time' });
    expect(movedTimes(a, '2026-12-03', 'ten')).toMatchObject({ field: 'time' });
    // 23:30 plus 45 minutes would end the next day.
    expect(movedTimes(a, '2026-12-03', '23:30')).toMatchObject({
      field: 'time',
      problem: 'The appointment must end on the same day',
    });
    // Ending at midnight is the next day too; a minute earlier fits.
    expect(movedTimes(a, '2026-12-03', '23:15')).toMatchObject({ field: 'time' });
    expect(movedTimes(a, '2026-12-03', '23:14')).toEqual({
      start: '2026-12-03T23:14',
      end: '2026-12-03T23:59',
    });
  });
});
