/**
 * The report from the engine's own obligations (report-format.md): never counted a second way,
 * so the report, the agenda and the participant page cannot disagree. The caller computes each
 * participant's obligations with the engine as of `today` (the device's ObligationService, or
 * the central service with participantObligations) and says which group each participant is in.
 */
import type { Obligation } from '../charter/obligation';
import {
  checkReportPeriod,
  inPeriod,
  ReportInputError,
  type Report,
  type ReportGroup,
  type ReportGrouping,
  type ReportPeriod,
  REPORT_GROUPINGS,
} from './report';
import { RuleTally } from './rule-tally';

export type ObligationsByParticipant = Iterable<readonly [string, readonly Obligation[]]>;

/** The group a participant is counted in: an adviser, office, provider or subcontractor. */
export interface GroupRef {
  id: string;
  name: string;
}

/** null or undefined: the participant is in no group of this kind (still in the totals). */
export type GroupOf = (participantId: string) => GroupRef | null | undefined;

export interface ReportOptions extends ReportPeriod {
  by?: ReportGrouping | null;
}

/** Obligations in the engine's output order, keyed by participant. */
export function byParticipant(obligations: readonly Obligation[]): Map<string, Obligation[]> {
  const out = new Map<string, Obligation[]>();
  for (const o of obligations) {
    const list = out.get(o.participantId);
    if (list) list.push(o);
    else out.set(o.participantId, [o]);
  }
  return out;
}

/**
 * The report. Groups are every group a participant in scope belongs to (even one with nothing
 * due in the period: its `rules` is then empty), ordered by name and then id.
 */
export function buildReport(
  obligationsByParticipant: ObligationsByParticipant,
  groupOf: GroupOf | null,
  options: ReportOptions,
): Report {
  const { period, by } = checkOptions(groupOf !== null, options);
  const totals = new Tallies();
  for (const [participantId, obligations] of obligationsByParticipant) {
    const tally = totals.of(groupOf ? groupOf(participantId) : null);
    for (const o of obligations) {
      if (o.participantId !== participantId)
        throw new ReportInputError('An obligation is listed under another participant');
      if (!inPeriod(o.due, period)) continue;
      totals.total.add(o);
      tally?.add(o);
    }
  }
  return totals.report(by, period);
}

/**
 * Obligations already counted by a database from the engine's stored output (the central
 * service's report facts): `n` obligations of one rule and status, due in the period, in one
 * group. `groups` names every group a participant in scope belongs to, so a group with nothing
 * due still appears, as in buildReport. Counted by the same RuleTally, so the figures cannot
 * differ from buildReport over the same obligations.
 */
export interface CountedObligations {
  group: GroupRef | null | undefined;
  rule: Obligation['rule'];
  status: Obligation['status'];
  n: number;
}

export function buildReportFromCounts(
  counts: Iterable<CountedObligations>,
  groups: Iterable<GroupRef> | null,
  options: ReportOptions,
): Report {
  const { period, by } = checkOptions(groups !== null, options);
  const totals = new Tallies();
  for (const ref of groups ?? []) totals.of(ref);
  for (const c of counts) {
    totals.total.add(c, c.n);
    if (groups) totals.of(c.group)?.add(c, c.n);
  }
  return totals.report(by, period);
}

function checkOptions(grouped: boolean, options: ReportOptions) {
  const period = checkReportPeriod({ from: options.from, to: options.to, today: options.today });
  const by = options.by ?? null;
  if (by !== null && !(REPORT_GROUPINGS as readonly string[]).includes(by))
    throw new ReportInputError(`by: expected one of ${REPORT_GROUPINGS.join(', ')}`);
  if (by !== null && !grouped) throw new ReportInputError('by: a grouping needs groupOf');
  if (by === null && grouped) throw new ReportInputError('groupOf: needs a grouping (by)');
  return { period, by };
}

/** The whole report's tally and one per group, and the report they make. */
class Tallies {
  readonly total = new RuleTally();
  private readonly groups = new Map<string, { ref: GroupRef; tally: RuleTally }>();

  /** The group's tally (made on first sight), or null for a participant in no group. */
  of(ref: GroupRef | null | undefined): RuleTally | null {
    if (!ref) return null;
    let group = this.groups.get(ref.id);
    if (!group) this.groups.set(ref.id, (group = { ref, tally: new RuleTally() }));
    return group.tally;
  }

  report(by: ReportGrouping | null, period: ReportPeriod): Report {
    const groupRows: ReportGroup[] = [...this.groups.values()]
      .sort(
        (a, b) =>
          a.ref.name.localeCompare(b.ref.name, 'en-GB') ||
          (a.ref.id < b.ref.id ? -1 : a.ref.id > b.ref.id ? 1 : 0),
      )
      .map(({ ref, tally }) => ({ by: by!, id: ref.id, name: ref.name, rules: tally.rows() }));
    return {
      from: period.from,
      to: period.to,
      today: period.today,
      rules: this.total.rows(),
      groups: groupRows,
    };
  }
}
