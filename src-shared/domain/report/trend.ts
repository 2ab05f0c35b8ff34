/**
 * The monthly trend: one row set per calendar month, from the same tally as the report, so a
 * month's figures equal buildReport over that month.
 */
import type { Obligation } from '../charter/obligation';
import { monthPeriod, monthsEnding } from './months';
import type { RuleFigures } from './report';
import { RuleTally } from './rule-tally';

export interface TrendMonth {
  month: string;
  from: string;
  to: string;
  rules: RuleFigures[];
}

export function monthlyTrend(
  obligations: Iterable<Obligation>,
  lastMonth: string,
  months = 12,
): TrendMonth[] {
  const list = monthsEnding(lastMonth, months);
  const tallies = new Map(list.map((m) => [m, new RuleTally()]));
  for (const o of obligations) tallies.get(o.due.slice(0, 7))?.add(o);
  return list.map((month) => ({ month, ...monthPeriod(month), rules: tallies.get(month)!.rows() }));
}
