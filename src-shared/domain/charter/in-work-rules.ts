/** R11 better-off calculation at a job start, R14 in-work support contacts. */
import { firstFrom, lastUpTo } from './participant-facts';
import type { RuleContext } from './rule-context';

/** The latest calculation on or before the job start, else the first one after it (late). */
export function betterOffRule({ facts, calendar, out }: RuleContext): void {
  for (const event of facts.events) {
    if (event.kind !== 'job-start') continue;
    const due = calendar.adjustDay(event.day);
    out.push({
      rule: 'R11',
      arises: event.day,
      due,
      metOn: lastUpTo(facts.betterOff, due) ?? firstFrom(facts.betterOff, due, true),
    });
  }
}

/**
 * A chain per in-work period: due N days after the job start, then N days after each contact
 * that met the last one. The chain stops at the first unmet obligation or when the period ends.
 */
export function inWorkSupportRule({ facts, calendar, rules, out }: RuleContext): void {
  for (const period of facts.inWork) {
    let from = period.start;
    for (;;) {
      const next = firstFrom(facts.inWorkTouchDays, from, true);
      // A contact on or after the period's end belongs to a later job, never to this chain.
      const metOn = next !== null && period.end !== null && next >= period.end ? null : next;
      out.push({
        rule: 'R14',
        arises: from,
        due: calendar.adjustDay(from + rules.R14.days),
        metOn,
        periodEnd: period.end,
      });
      if (metOn === null) break;
      from = metOn;
    }
  }
}
