/**
 * The anonymised export for benchmarking (report-format.md): advisers lose their names and get an
 * opaque stable id; any row with `due` below K has every count and the percentage null and says
 * `"suppressed": true`. Totals are computed before suppression, so that subtraction cannot give a
 * suppressed row back, each rule's rows across the groups are checked together: where the total
 * less the published rows leaves exactly one unknown, the next smallest row is suppressed too.
 */
import type { ObligationRule } from '../charter/profile';
import {
  ReportInputError,
  type AnonymisedGroup,
  type AnonymisedReport,
  type PublishedRuleFigures,
  type Report,
  type RuleFigures,
  type SuppressedRuleFigures,
} from './report';
import { sha256Hex } from './sha256';
import { hiddenAmong, TOTAL_KEY } from './small-numbers';

export const DEFAULT_MIN_CELL = 10;

export interface AnonymiseOptions {
  /** K: rows with fewer obligations due than this are suppressed. Default 10. */
  minCell?: number;
  /**
   * Mixed into advisers' opaque ids, so that someone who knows the advisers' record ids cannot
   * hash them and match. Keep it the same between exports for ids to stay comparable.
   */
  salt?: string;
}

export function suppressedRow(rule: ObligationRule): SuppressedRuleFigures {
  return {
    rule,
    due: null,
    met: null,
    metLate: null,
    missed: null,
    pending: null,
    onTimePercent: null,
    suppressed: true,
  };
}

/** The opaque id an adviser has in anonymised exports: stable for the same id and salt. */
export function opaqueAdviserId(adviserId: string, salt = ''): string {
  return `adviser-${sha256Hex(`waymark-report\u0000${salt}\u0000${adviserId}`).slice(0, 16)}`;
}

export function checkMinCell(minCell: number): number {
  if (!Number.isInteger(minCell) || minCell < 1 || minCell > 1_000_000)
    throw new ReportInputError('min-cell: expected a whole number of at least 1');
  return minCell;
}

/**
 * Which rows to suppress, as "group index/rule" keys ("total/R3" for the whole scope's row).
 * For each rule the cells a reader cannot see are the suppressed group rows plus the remainder
 * (participants in no group), when there is one. One unknown alone is recoverable by subtraction
 * from the total, so while exactly one unknown remains and something small is hidden, the next
 * smallest published row goes too (the total's row when no group row is left).
 */
export function rowsToSuppress(report: Report, minCell: number): Set<string> {
  const hidden = new Set<string>();
  for (const total of report.rules) {
    const rule = total.rule;
    const rows = report.groups.flatMap((g, index) => {
      const row = g.rules.find((r) => r.rule === rule);
      return row ? [{ key: `${index}/${rule}`, id: g.id, count: row.due }] : [];
    });
    for (const key of hiddenAmong(total.due, rows, minCell))
      hidden.add(key === TOTAL_KEY ? `total/${rule}` : key);
  }
  return hidden;
}

export function anonymiseReport(report: Report, options: AnonymiseOptions = {}): AnonymisedReport {
  const minCell = checkMinCell(options.minCell ?? DEFAULT_MIN_CELL);
  const hidden = rowsToSuppress(report, minCell);
  const publish = (row: RuleFigures, key: string): PublishedRuleFigures =>
    hidden.has(key) ? suppressedRow(row.rule) : { ...row };
  const groups: AnonymisedGroup[] = report.groups.map((g, index) => {
    const rules = g.rules.map((r) => publish(r, `${index}/${r.rule}`));
    return g.by === 'adviser'
      ? { by: g.by, id: opaqueAdviserId(g.id, options.salt), rules }
      : { by: g.by, id: g.id, name: g.name, rules };
  });
  // Names gone, the order by name would still hint at who is who: advisers go by opaque id.
  if (groups[0]?.by === 'adviser') groups.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    from: report.from,
    to: report.to,
    today: report.today,
    rules: report.rules.map((r) => publish(r, `total/${r.rule}`)),
    groups,
  };
}
