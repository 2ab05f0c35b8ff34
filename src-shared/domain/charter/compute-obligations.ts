/**
 * The scheduling engine: participant facts and "today" in, obligations out. Pure and
 * deterministic: no clock, no I/O, and the output does not depend on the order of the input.
 */
import { fromDayNumber, toDayNumber } from '../calendar/civil-date';
import type { CalendarSet } from '../calendar/working-day-calendar';
import {
  isUnmet,
  statusOf,
  type Draft,
  type Obligation,
  type ObligationsOutput,
} from './obligation';
import type { ObligationsInput, ParticipantFactsInput } from './obligations-input';
import { factsOf } from './participant-facts';
import { OBLIGATION_RULES, type CharterProfile } from './profile';
import type { RuleContext } from './rule-context';
import {
  allocationRule,
  healthReferralRule,
  inductionRule,
  initialContactRule,
  planAgreedRule,
} from './intake-rules';
import { missedMeetingRule, monthlyMeetingsRule } from './meeting-rules';
import { exitReviewRule, planReviewRule } from './review-rules';
import { betterOffRule, inWorkSupportRule } from './in-work-rules';

const RULES: ((ctx: RuleContext) => void)[] = [
  allocationRule,
  initialContactRule,
  inductionRule,
  planAgreedRule,
  monthlyMeetingsRule,
  planReviewRule,
  missedMeetingRule,
  healthReferralRule,
  betterOffRule,
  exitReviewRule,
  inWorkSupportRule,
];

/** Exit and in-work period ends cut obligations off (obligations-format.md, "Exit and period ends"). */
function survives(d: Draft, exit: number | null): boolean {
  if (exit !== null && d.arises > exit) return false;
  if (!isUnmet(d)) return true;
  if (exit !== null && d.due >= exit) return false;
  return !(d.periodEnd != null && d.due >= d.periodEnd);
}

/** Fields in the order obligations-format.md shows them. */
function toObligation(
  participantId: string,
  d: Draft,
  today: number,
  dateText: (day: number) => string,
): Obligation {
  const status = statusOf(d, today);
  const o: Obligation = d.count
    ? { participantId, rule: d.rule, period: d.count.period, due: dateText(d.due), status }
    : { participantId, rule: d.rule, due: dateText(d.due), status };
  if (d.metOn !== null && (status === 'met' || status === 'met-late')) o.metOn = dateText(d.metOn);
  if (d.ref !== undefined) o.ref = d.ref;
  if (d.count) {
    o.required = d.count.required;
    o.held = d.count.held;
  }
  return o;
}

/** Sorts an unmet obligation before a met one when all else is equal. */
const NO_DAY = -1e9;

const RULE_NUMBER: Record<string, number> = Object.fromEntries(
  OBLIGATION_RULES.map((r) => [r, Number(r.slice(1))]),
);
const text = (a: string | undefined, b: string | undefined) =>
  a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1;

/**
 * One participant's order: due date, rule number, period; then ref, metOn and status, so that
 * ties never depend on the order of the input.
 */
function compareDrafts(a: Draft, b: Draft): number {
  return (
    a.due - b.due ||
    RULE_NUMBER[a.rule]! - RULE_NUMBER[b.rule]! ||
    text(a.count?.period, b.count?.period) ||
    text(a.ref, b.ref) ||
    (a.metOn ?? NO_DAY) - (b.metOn ?? NO_DAY)
  );
}

/** One participant's obligations, in output order. */
export function participantObligations(
  participant: ParticipantFactsInput,
  profile: CharterProfile,
  defaultNation: ObligationsInput['nation'],
  today: string,
  calendars: CalendarSet,
  dateText: (day: number) => string = fromDayNumber,
): Obligation[] {
  const facts = factsOf(participant);
  const todayDay = toDayNumber(today);
  const nation = participant.nation ?? defaultNation ?? profile.defaultNation;
  const ctx: RuleContext = {
    facts,
    today: todayDay,
    calendar: calendars[nation],
    rules: profile.rules,
    out: [],
  };
  for (const rule of RULES) rule(ctx);
  return ctx.out
    .filter((d) => survives(d, facts.exit))
    .sort(compareDrafts)
    .map((d) => toObligation(facts.id, d, todayDay, dateText));
}

/** All obligations, ordered by participant id and then as participantObligations orders them. */
export function computeObligations(
  input: ObligationsInput,
  calendars: CalendarSet,
): ObligationsOutput {
  // The same few hundred dates recur across a caseload: format each once per call.
  const formatted = new Map<number, string>();
  const dateText = (day: number) => {
    let s = formatted.get(day);
    if (s === undefined) formatted.set(day, (s = fromDayNumber(day)));
    return s;
  };
  const participants = [...input.participants].sort((a, b) => text(a.id, b.id));
  const obligations: Obligation[] = [];
  for (const p of participants)
    for (const o of participantObligations(
      p,
      input.profile,
      input.nation,
      input.today,
      calendars,
      dateText,
    ))
      obligations.push(o);
  return { obligations };
}
