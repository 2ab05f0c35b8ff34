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
  const period = checkReportPeriod({ from: options.from, to: options.to, today: options.today });
  const by = options.by ?? null;
  if (by !== null && !(REPORT_GROUPINGS as readonly string[]).includes(by))
    throw new ReportInputError(`by: expected one of ${REPORT_GROUPINGS.join(', ')}`);
  if (by !== null && !groupOf) throw new ReportInputError('by: a grouping needs groupOf');
  if (by === null && groupOf) throw new ReportInputError('groupOf: needs a grouping (by)');

  const total = new RuleTally();
  const groups = new Map<string, { ref: GroupRef; tally: RuleTally }>();
  for (const [participantId, obligations] of obligationsByParticipant) {
    let tally: RuleTally | null = null;
    if (groupOf) {
      const ref = groupOf(participantId);
      if (ref) {
        let group = groups.get(ref.id);
        if (!group) groups.set(ref.id, (group = { ref, tally: new RuleTally() }));
        tally = group.tally;
      }
    }
    for (const o of obligations) {
      if (o.participantId !== participantId)
        throw new ReportInputError('An obligation is listed under another participant');
      if (!inPeriod(o.due, period)) continue;
      total.add(o);
      tally?.add(o);
    }
  }
  const groupRows: ReportGroup[] = [...groups.values()]
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
    rules: total.rows(),
    groups: groupRows,
  };
}
