/**
 * The organisation's charter performance report (shared/domain/report-format.md) from what the
 * central store holds, and, for the benchmarking export, anonymiseReport over it.
 *
 * Two reads of the same count: `centralReport` counts the stored report facts (facts.ts, brought
 * up to date first) in the database; `reportFromData` runs the engine over records already
 * loaded. Both count the engine's own obligations (engine-input.ts), and the tests hold them equal.
 */
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema';
import { AdminError } from '../errors';
import { scopeToProvider } from './scope';
import type { ReportOrganisation } from './data';
import { obligationsOf } from './engine-input';
import { refreshReportFacts } from './facts';
import { reportFromFacts } from './facts-report';
import { groupingOf } from './grouping';
import { isCivilDate } from '@shared/domain/calendar/civil-date';
import { londonDate } from '@shared/domain/identity/civil-date';
import type { CopyVersions } from '@shared/domain/charter/governing-profile';
import {
  anonymiseReport,
  buildReport,
  checkReportPeriod,
  type AnonymisedReport,
  type Report,
  type ReportGrouping,
  ReportInputError,
  REPORT_GROUPINGS,
} from '@shared/domain/report';

export interface CentralReportOptions {
  from: string;
  to: string;
  today: string;
  by?: ReportGrouping;
  /** Only this provider's figures (a subcontractor's manager; see scope.ts). */
  provider?: string;
}

/** The report over every participant of the organisation, grouped as asked. */
export async function centralReport(
  db: Kysely<CentralDatabase>,
  options: CentralReportOptions,
): Promise<Report> {
  try {
    checkReportPeriod({ from: options.from, to: options.to, today: options.today });
  } catch (error) {
    if (error instanceof ReportInputError) throw new AdminError('invalid-input', error.message);
    throw error;
  }
  await refreshReportFacts(db, options.today);
  return reportFromFacts(db, options);
}

/** As centralReport, then anonymised with small-number suppression (K defaults to 10). */
export async function centralAnonymisedReport(
  db: Kysely<CentralDatabase>,
  options: CentralReportOptions & { minCell?: number },
): Promise<AnonymisedReport> {
  const report = await centralReport(db, options);
  return anonymiseReport(report, { minCell: options.minCell });
}

/** Pure: the report from records already loaded, through the engine (no stored facts). */
export function reportFromData(
  data: ReportOrganisation,
  copies: CopyVersions,
  options: CentralReportOptions,
): Report {
  if (options.provider) data = scopeToProvider(data, options.provider);
  const obligations = obligationsOf(data.participants, copies, options.today);
  return buildReport(
    [...obligations].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    options.by ? groupingOf(data, options.by) : null,
    { from: options.from, to: options.to, today: options.today, by: options.by },
  );
}

/** What the command line and the HTTP endpoint ask for, as given (strings). */
export interface ReportRequest {
  from: string;
  to: string;
  today?: string;
  by?: string;
  anonymised?: boolean;
  minCell?: string;
}

/** Checks a request and names the first bad option; `today` defaults to today in London. */
export function reportOptions(
  r: ReportRequest,
  now: Date = new Date(),
): CentralReportOptions & { anonymised: boolean; minCell?: number } {
  for (const name of ['from', 'to', 'today'] as const) {
    const value = r[name];
    if (value !== undefined && !isCivilDate(value))
      throw new AdminError('invalid-input', `--${name}: expected a real date as YYYY-MM-DD`);
  }
  if (r.from > r.to) throw new AdminError('invalid-input', '--from: must be on or before --to');
  if (r.by !== undefined && !(REPORT_GROUPINGS as readonly string[]).includes(r.by))
    throw new AdminError('invalid-input', `--by: expected one of ${REPORT_GROUPINGS.join(', ')}`);
  let minCell: number | undefined;
  if (r.minCell !== undefined) {
    minCell = Number(r.minCell);
    if (!(/^\d+$/.test(r.minCell) && minCell >= 1))
      throw new AdminError('invalid-input', '--min-cell: expected a whole number of at least 1');
  }
  return {
    from: r.from,
    to: r.to,
    today: r.today ?? londonDate(now),
    by: r.by as ReportGrouping | undefined,
    anonymised: r.anonymised === true,
    minCell,
  };
}

/** The report as the command line prints it: plain, or the anonymised export. */
export function runReport(
  db: Kysely<CentralDatabase>,
  options: ReturnType<typeof reportOptions>,
): Promise<Report | AnonymisedReport> {
  const { anonymised, minCell, ...period } = options;
  return anonymised
    ? centralAnonymisedReport(db, { ...period, minCell })
    : centralReport(db, period);
}
