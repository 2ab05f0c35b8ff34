/** R6 meetings each calendar month, R8 contact after a missed meeting. */
import { dayNumberFromParts, daysInMonth, partsFromDayNumber } from '../calendar/civil-date';
import { firstFrom, mayMeetRemotely, type InWorkPeriod } from './participant-facts';
import type { RuleContext } from './rule-context';

const monthIndexOf = (day: number) => {
  const { year, month } = partsFromDayNumber(day);
  return year * 12 + month - 1;
};

/** Days of [from, to] (inclusive) not covered by any in-work period. */
function daysOutOfWork(from: number, to: number, periods: readonly InWorkPeriod[]): number {
  let days = to - from + 1;
  for (const p of periods) {
    const start = Math.max(from, p.start);
    const end = Math.min(to, p.end === null ? to : p.end - 1);
    if (end >= start) days -= end - start + 1;
  }
  return days;
}

/**
 * One obligation per calendar month of attachment up to this month. A partial month (joining,
 * leaving, or time in work) needs round-half-up(N x attached days / days in month) meetings.
 */
export function monthlyMeetingsRule({ facts, today, calendar, rules, out }: RuleContext): void {
  if (facts.start === null) return;
  const perMonth = rules.R6.meetingsPerMonth;
  const first = monthIndexOf(facts.start);
  let last = monthIndexOf(today);
  if (facts.exit !== null) last = Math.min(last, monthIndexOf(facts.exit));
  const meetings = facts.appointments.filter(
    (a) =>
      a.outcome === 'attended' &&
      (a.channel === 'in-person' || mayMeetRemotely(facts, a.day)) &&
      a.day >= facts.start! &&
      (facts.exit === null || a.day <= facts.exit),
  );
  let next = 0;
  for (let index = first; index <= last; index++) {
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    const length = daysInMonth(year, month);
    const monthStart = dayNumberFromParts(year, month, 1);
    const monthEnd = monthStart + length - 1;
    const from = Math.max(facts.start, monthStart);
    const to = facts.exit === null ? monthEnd : Math.min(monthEnd, facts.exit);
    while (next < meetings.length && meetings[next]!.day < monthStart) next++;
    if (to < from) continue;
    const attached = daysOutOfWork(from, to, facts.inWork);
    const required = Math.floor((2 * perMonth * attached + length) / (2 * length));
    if (required === 0) continue;
    let held = 0;
    let metOn: number | null = null;
    for (let i = next; i < meetings.length && meetings[i]!.day <= monthEnd; i++) {
      const m = meetings[i]!;
      if (daysOutOfWork(m.day, m.day, facts.inWork) === 0) continue;
      held++;
      if (held === required) metOn = m.day;
    }
    out.push({
      rule: 'R6',
      arises: from,
      due: calendar.adjustDay(monthEnd),
      metOn,
      count: { period: `${year}-${month < 10 ? '0' : ''}${month}`, required, held },
    });
  }
}

/** A DNA without prior notice needs a contact, or an attended meeting, within N days. */
export function missedMeetingRule({ facts, calendar, rules, out }: RuleContext): void {
  for (const a of facts.appointments) {
    if (a.outcome !== 'dna' || a.priorNotice) continue;
    const contact = firstFrom(facts.contactDays, a.day);
    const attended = facts.appointments.find((b) => b.outcome === 'attended' && b.day >= a.day);
    const metOn =
      contact === null ? (attended?.day ?? null) : Math.min(contact, attended?.day ?? contact);
    out.push({
      rule: 'R8',
      arises: a.day,
      due: calendar.adjustDay(a.day + rules.R8.days),
      metOn,
      ref: a.id,
    });
  }
}
