/** R1 allocation, R2 initial contact, R3 induction, R5 PPEP agreed, R9 occupational health. */
import type { RuleContext } from './rule-context';

/** No referral date, no R1 (obligations-format.md: every participant field may be absent). */
export function allocationRule({ facts, calendar, rules, out }: RuleContext): void {
  if (facts.referral === null) return;
  out.push({
    rule: 'R1',
    arises: facts.referral,
    due: calendar.adjustDay(facts.referral + rules.R1.days),
    metOn: facts.allocation,
  });
}

export function initialContactRule({ facts, calendar, rules, out }: RuleContext): void {
  if (facts.allocation === null) return;
  out.push({
    rule: 'R2',
    arises: facts.allocation,
    due: calendar.addWorkingDaysDay(facts.allocation, rules.R2.workingDays),
    metOn: facts.initialContact,
  });
}

/** Met once an induction is offered: booked, held or missed by the participant all count. */
export function inductionRule({ facts, calendar, rules, out }: RuleContext): void {
  if (facts.initialContact === null) return;
  const induction = facts.appointments.find(
    (a) => a.kind === 'induction' && a.outcome !== 'cancelled-by-provider',
  );
  out.push({
    rule: 'R3',
    arises: facts.initialContact,
    due: calendar.adjustDay(facts.initialContact + rules.R3.days),
    metOn: induction?.day ?? null,
    ...(induction ? { ref: induction.id } : {}),
  });
}

/** Due by the end of the first attended induction (moved back, like every deadline, if that was not a working day). */
export function planAgreedRule({ facts, calendar, out }: RuleContext): void {
  const induction = facts.appointments.find(
    (a) => a.kind === 'induction' && a.outcome === 'attended',
  );
  if (!induction) return;
  out.push({
    rule: 'R5',
    arises: induction.day,
    due: calendar.adjustDay(induction.day),
    metOn: facts.agreements[0] ?? null,
    ref: induction.id,
  });
}

export function healthReferralRule({ facts, calendar, rules, out }: RuleContext): void {
  if (!facts.health) return;
  out.push({
    rule: 'R9',
    arises: facts.health.recorded,
    due: calendar.addWorkingDaysDay(facts.health.recorded, rules.R9.workingDays),
    metOn: facts.health.resolved,
  });
}
