/**
 * What is due, for the top of a participant's page and the caseload's columns and filters: the
 * one place that says which obligations count as overdue and which are due this week, so the
 * page, the caseload and the agenda cannot disagree.
 */
import { addDays, toDayNumber, weekdayOf } from '../calendar/civil-date';
import type { Obligation } from './obligation';

/**
 * Overdue: missed and still worth doing. A past month's R6 meetings cannot be held any more, so
 * a missed R6 month is a record, not a task.
 */
export function isOverdue(o: Pick<Obligation, 'status' | 'rule'>): boolean {
  return o.status === 'missed' && o.rule !== 'R6';
}

/** The Sunday that ends the Monday-to-Sunday week holding `today`. */
export function weekEndOf(today: string): string {
  const weekday = weekdayOf(toDayNumber(today)); // 0 Sunday … 6 Saturday
  return addDays(today, (7 - weekday) % 7);
}

/** Still open and due from today to the end of this week. */
export function isDueThisWeek(o: Pick<Obligation, 'status' | 'due'>, today: string): boolean {
  return o.status === 'pending' && o.due >= today && o.due <= weekEndOf(today);
}

export interface DueSummary {
  /** The earliest due date of an obligation still open; null when none is. */
  nextDue: string | null;
  /** How many obligations are overdue. */
  overdue: number;
  /** How many open obligations fall due from today to Sunday. */
  dueThisWeek: number;
}

export function dueSummary(obligations: readonly Obligation[], today: string): DueSummary {
  let nextDue: string | null = null;
  let overdue = 0;
  let dueThisWeek = 0;
  for (const o of obligations) {
    if (isOverdue(o)) overdue++;
    if (o.status === 'pending' && (nextDue === null || o.due < nextDue)) nextDue = o.due;
    if (isDueThisWeek(o, today)) dueThisWeek++;
  }
  return { nextDue, overdue, dueThisWeek };
}

/** The obligations the top of a participant's page leads with: overdue (oldest first), then this week's. */
export function dueFirst<T extends Obligation>(
  obligations: readonly T[],
  today: string,
): { overdue: T[]; thisWeek: T[] } {
  const byDue = (a: T, b: T) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0);
  return {
    overdue: obligations.filter(isOverdue).sort(byDue),
    thisWeek: obligations.filter((o) => isDueThisWeek(o, today)).sort(byDue),
  };
}

/** The caseload filters on what is due. */
export const DUE_FILTERS = ['overdue', 'this-week'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

export function matchesDueFilter(s: DueSummary, filter: DueFilter): boolean {
  return filter === 'overdue' ? s.overdue > 0 : s.dueThisWeek > 0;
}
