import { describe, expect, it } from 'vitest';
import {
  dueFirst,
  dueSummary,
  isDueThisWeek,
  isOverdue,
  matchesDueFilter,
  weekEndOf,
} from '../../../src-shared/domain/charter/due-first';
import type { Obligation } from '../../../src-shared/domain/charter/obligation';

const o = (rule: Obligation['rule'], due: string, status: Obligation['status']): Obligation => ({
  participantId: 'p',
  rule,
  due,
  status,
});

// Tuesday 1 December 2026; the week ends on Sunday 6 December.
const TODAY = '2026-12-01';

describe('what is due', () => {
  it('ends the week on the Sunday, and a Sunday is its own week end', () => {
    expect(weekEndOf('2026-11-30')).toBe('2026-12-06'); // Monday
    expect(weekEndOf(TODAY)).toBe('2026-12-06');
    expect(weekEndOf('2026-12-06')).toBe('2026-12-06'); // Sunday
    expect(weekEndOf('2026-12-07')).toBe('2026-12-13'); // next Monday
  });

  it('counts a missed obligation as overdue, except a past R6 month', () => {
    expect(isOverdue(o('R1', '2026-11-01', 'missed'))).toBe(true);
    expect(isOverdue(o('R6', '2026-11-30', 'missed'))).toBe(false);
    expect(isOverdue(o('R1', '2026-11-01', 'met-late'))).toBe(false);
    expect(isOverdue(o('R1', '2026-12-10', 'pending'))).toBe(false);
  });

  it('is due this week from today to Sunday inclusive, open obligations only', () => {
    expect(isDueThisWeek(o('R3', TODAY, 'pending'), TODAY)).toBe(true);
    expect(isDueThisWeek(o('R3', '2026-12-06', 'pending'), TODAY)).toBe(true);
    expect(isDueThisWeek(o('R3', '2026-12-07', 'pending'), TODAY)).toBe(false);
    expect(isDueThisWeek(o('R3', '2026-12-03', 'met'), TODAY)).toBe(false);
  });

  it('summarises the earliest open due date and the counts', () => {
    const list = [
      o('R1', '2026-11-01', 'missed'),
      o('R6', '2026-11-30', 'missed'),
      o('R7', '2027-02-01', 'pending'),
      o('R3', '2026-12-04', 'pending'),
      o('R2', '2026-11-20', 'met'),
    ];
    expect(dueSummary(list, TODAY)).toEqual({
      nextDue: '2026-12-04',
      overdue: 1,
      dueThisWeek: 1,
    });
    expect(dueSummary([], TODAY)).toEqual({ nextDue: null, overdue: 0, dueThisWeek: 0 });
    const s = dueSummary(list, TODAY);
    expect(matchesDueFilter(s, 'overdue')).toBe(true);
    expect(matchesDueFilter({ ...s, overdue: 0 }, 'overdue')).toBe(false);
    expect(matchesDueFilter({ ...s, dueThisWeek: 0 }, 'this-week')).toBe(false);
  });

  it('leads with overdue (oldest first) then this week (soonest first)', () => {
    const list = [
      o('R8', '2026-11-25', 'missed'),
      o('R1', '2026-11-01', 'missed'),
      o('R3', '2026-12-05', 'pending'),
      o('R2', '2026-12-02', 'pending'),
      o('R7', '2027-01-05', 'pending'),
    ];
    const { overdue, thisWeek } = dueFirst(list, TODAY);
    expect(overdue.map((x) => x.rule)).toEqual(['R1', 'R8']);
    expect(thisWeek.map((x) => x.rule)).toEqual(['R2', 'R3']);
  });
});
