/**
 * The charter performance report's JSON form (shared/domain/report-format.md): per rule and per
 * group, how many obligations fell due in the period and how each stands. Field order is the
 * order the format shows, so JSON.stringify prints it exactly.
 */
import { z } from 'zod';
import { isCivilDate } from '../calendar/civil-date';
import type { ObligationRule } from '../charter/profile';

export const REPORT_GROUPINGS = ['adviser', 'office', 'provider', 'subcontractor'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** One row: a rule's figures for the whole scope or for one group. */
export interface RuleFigures {
  rule: ObligationRule;
  due: number;
  met: number;
  metLate: number;
  missed: number;
  pending: number;
  /** 100 x met / (met + metLate + missed), half up to one decimal; null when that is 0 / 0. */
  onTimePercent: number | null;
}

export interface ReportGroup {
  by: ReportGrouping;
  id: string;
  name: string;
  rules: RuleFigures[];
}

export interface Report {
  from: string;
  to: string;
  today: string;
  /** Every rule with at least one obligation due in the period, in rule order. */
  rules: RuleFigures[];
  /** One per group with `by`; empty for a whole-scope report. */
  groups: ReportGroup[];
}

/** A row whose `due` is below the small-number threshold: nothing but the rule is published. */
export interface SuppressedRuleFigures {
  rule: ObligationRule;
  due: null;
  met: null;
  metLate: null;
  missed: null;
  pending: null;
  onTimePercent: null;
  suppressed: true;
}

export type PublishedRuleFigures = RuleFigures | SuppressedRuleFigures;

/** In the anonymised export an adviser group has an opaque id and no name. */
export interface AnonymisedGroup {
  by: ReportGrouping;
  id: string;
  name?: string;
  rules: PublishedRuleFigures[];
}

export interface AnonymisedReport {
  from: string;
  to: string;
  today: string;
  rules: PublishedRuleFigures[];
  groups: AnonymisedGroup[];
}

/** The four figures an obligation's status counts towards, plus `due` which counts them all. */
export const FIGURES = ['due', 'met', 'metLate', 'missed', 'pending'] as const;
export type Figure = (typeof FIGURES)[number];

export class ReportInputError extends Error {}

const civilDate = (field: string) =>
  z.string().refine(isCivilDate, { message: `${field}: expected a real date as YYYY-MM-DD` });

/** The period and "today" a report is computed for; `from` on or before `to`. */
export const reportPeriodSchema = z
  .object({ from: civilDate('from'), to: civilDate('to'), today: civilDate('today') })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'from: must be on or before to', path: ['from'] });

export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

/** Checks a period, throwing ReportInputError with the first problem in words. */
export function checkReportPeriod(period: ReportPeriod): ReportPeriod {
  const parsed = reportPeriodSchema.safeParse(period);
  if (!parsed.success) throw new ReportInputError(parsed.error.issues[0]!.message);
  return parsed.data;
}

/** An obligation belongs to the period when its due date is within from..to inclusive. */
export const inPeriod = (due: string, period: { from: string; to: string }) =>
  due >= period.from && due <= period.to;
