import type { DayNumber } from '../calendar/civil-date';
import type { ObligationRule } from './profile';

export type ObligationStatus = 'pending' | 'met' | 'met-late' | 'missed';

/** One obligation in the output JSON form of obligations-format.md. */
export interface Obligation {
  participantId: string;
  rule: ObligationRule;
  /** R6 only: the calendar month 'YYYY-MM'. */
  period?: string;
  due: string;
  status: ObligationStatus;
  metOn?: string;
  /** R3, R5, R8: the appointment the obligation comes from. */
  ref?: string;
  /** R6 only. */
  required?: number;
  held?: number;
}

export interface ObligationsOutput {
  obligations: Obligation[];
}

/** An obligation while it is being worked out, in day numbers. */
export interface Draft {
  rule: ObligationRule;
  /** The day the obligation arises: none arises after the participant's exit. */
  arises: DayNumber;
  due: DayNumber;
  metOn: DayNumber | null;
  ref?: string;
  /** R6: met by a count of meetings, not by a date, and never met-late. */
  count?: { period: string; required: number; held: number };
  /** R14: the job-end that ends the in-work period it belongs to. */
  periodEnd?: DayNumber | null;
}

export function statusOf(d: Draft, today: DayNumber): ObligationStatus {
  if (d.count) {
    if (d.count.held >= d.count.required) return 'met';
    return d.due >= today ? 'pending' : 'missed';
  }
  if (d.metOn !== null) return d.metOn <= d.due ? 'met' : 'met-late';
  return d.due >= today ? 'pending' : 'missed';
}

export function isUnmet(d: Draft): boolean {
  return d.count ? d.count.held < d.count.required : d.metOn === null;
}
