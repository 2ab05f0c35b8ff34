/** R7 plan reviews (every N months, and after key events), R13 the end-of-programme review. */
import { addMonthsClampedDay } from '../calendar/civil-date';
import { firstFrom, isInWork } from './participant-facts';
import type { RuleContext } from './rule-context';

export function planReviewRule({ facts, calendar, rules, out }: RuleContext): void {
  for (const agreed of facts.agreements)
    out.push({
      rule: 'R7',
      arises: agreed,
      due: calendar.adjustDay(addMonthsClampedDay(agreed, rules.R7.months)),
      metOn: firstFrom(facts.agreements, agreed, true),
    });
  for (const event of facts.events)
    out.push({
      rule: 'R7',
      arises: event.day,
      due: calendar.adjustDay(event.day + rules.R7.eventDays),
      metOn: firstFrom(facts.agreements, event.day),
    });
}

/**
 * Prompted from N days before the programme ends, for a participant still on the programme and
 * not in work (today, or on the end date if that comes first).
 */
export function exitReviewRule({ facts, today, calendar, rules, out }: RuleContext): void {
  if (facts.start === null) return;
  const end = facts.start + rules.R13.programmeWeeks * 7;
  const prompt = end - rules.R13.promptDays;
  if (today < prompt) return;
  const recorded = facts.exitReviews[0] ?? null;
  // Leaving before the end needs no end-of-programme review, except the exit that follows the
  // review itself (recording it hands the participant back): that review still meets R13.
  if (facts.exit !== null && facts.exit < end) {
    const exitAfterReview = recorded !== null && recorded >= prompt && facts.exit >= recorded;
    if (!exitAfterReview) return;
  }
  if (isInWork(facts.inWork, Math.min(today, end))) return;
  const attended = facts.appointments.find(
    (a) => a.kind === 'exit-review' && a.outcome === 'attended',
  );
  const met = [attended?.day ?? null, recorded].filter((d): d is number => d !== null);
  out.push({
    rule: 'R13',
    arises: prompt,
    due: calendar.adjustDay(end),
    metOn: met.length ? Math.min(...met) : null,
  });
}
