/**
 * The report as CSV for spreadsheets (RFC 4180: CRLF, quotes doubled): one line per row, the
 * whole scope first, then each group. A suppressed figure is an empty cell. Text that a
 * spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
 */
import type { AnonymisedReport, PublishedRuleFigures, Report } from './report';

export const REPORT_CSV_HEADER = [
  'from',
  'to',
  'today',
  'group_by',
  'group_id',
  'group_name',
  'rule',
  'due',
  'met',
  'met_late',
  'missed',
  'pending',
  'on_time_percent',
  'suppressed',
] as const;

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function reportCsv(report: Report | AnonymisedReport): string {
  const lines = [REPORT_CSV_HEADER.join(',')];
  const line = (
    group: { by: string; id: string; name?: string } | null,
    row: PublishedRuleFigures,
  ) =>
    lines.push(
      [
        report.from,
        report.to,
        report.today,
        group?.by ?? 'all',
        group?.id,
        group?.name,
        row.rule,
        row.due,
        row.met,
        row.metLate,
        row.missed,
        row.pending,
        row.onTimePercent === null ? null : row.onTimePercent.toFixed(1),
        'suppressed' in row ? 'yes' : 'no',
      ]
        .map(cell)
        .join(','),
    );
  for (const row of report.rules) line(null, row);
  for (const group of report.groups) for (const row of group.rules) line(group, row);
  return `${lines.join('\r\n')}\r\n`;
}
