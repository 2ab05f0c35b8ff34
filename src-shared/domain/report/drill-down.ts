/**
 * What lies behind a figure: the obligations a report row counted, and the lists a manager acts
 * on. Same period test and status mapping as the report, so a figure and its drill-down agree.
 */
import { addDays, toDayNumber, weekdayOf } from '../calendar/civil-date';
import type { Obligation } from '../charter/obligation';
import type { ObligationRule } from '../charter/profile';
import { inPeriod, type Figure } from './report';
import { countsTowards } from './rule-tally';

export interface FigureRef {
  from: string;
  to: string;
  rule: ObligationRule;
  figure: Figure;
}

/** The obligations counted in one figure of one rule's row. */
export function obligationsBehind(obligations: Iterable<Obligation>, ref: FigureRef): Obligation[] {
  const out: Obligation[] = [];
  for (const o of obligations)
    if (o.rule === ref.rule && inPeriod(o.due, ref) && countsTowards(o, ref.figure)) out.push(o);
  return out;
}

/** Sunday of the Monday-to-Sunday week containing `today`. */
export const endOfWeek = (today: string) => addDays(today, (7 - weekdayOf(toDayNumber(today))) % 7);

/** Not yet met and due from today to the end of this week: what can still be saved. */
export function atRiskThisWeek(obligations: Iterable<Obligation>, today: string): Obligation[] {
  const period = { from: today, to: endOfWeek(today) };
  const out: Obligation[] = [];
  for (const o of obligations) if (o.status === 'pending' && inPeriod(o.due, period)) out.push(o);
  return out.sort(byDue);
}

/** Breaches (met late or missed) due in the period. */
export function breached(
  obligations: Iterable<Obligation>,
  period: { from: string; to: string },
): Obligation[] {
  const out: Obligation[] = [];
  for (const o of obligations)
    if ((o.status === 'missed' || o.status === 'met-late') && inPeriod(o.due, period)) out.push(o);
  return out.sort(byDue);
}

function byDue(a: Obligation, b: Obligation): number {
  return (
    (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
    (a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0) ||
    Number(a.rule.slice(1)) - Number(b.rule.slice(1))
  );
}
