/**
 * `report`: the adviser's own charter performance report (shared/domain/report-format.md) from
 * a caseload file, as JSON (default) or CSV, optionally anonymised for benchmarking; and
 * `report-pdf`, the printable monthly report.
 */
import type { Command } from 'commander';
import { isCivilDate } from '@shared/domain/calendar/civil-date';
import { reportCsv } from '@shared/domain/report';
import { DeviceReportService } from '../../services/reports/device-report';
import { monthlyReportPdf } from '../../services/reports/monthly-report-pdf';
import { CliError, EXIT, withCaseload, writeJson, writePrivateFile } from '../io';

interface ReportOptions {
  db: string;
  from: string;
  to: string;
  today?: string;
  csv?: boolean;
  anonymised?: boolean;
  minCell?: string;
}

function date(name: string, value: string | undefined): void {
  if (value !== undefined && !isCivilDate(value))
    throw new CliError(EXIT.invalidInput, `--${name}: expected a real date as YYYY-MM-DD`);
}

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description("the adviser's own charter performance report for a period; prints JSON")
    .requiredOption('--db <file>', 'caseload file (the passphrase comes from WAYMARK_PASSPHRASE)')
    .requiredOption('--from <date>', 'first day of the period (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last day of the period (YYYY-MM-DD), inclusive')
    .option('--today <date>', 'the day to compute for (YYYY-MM-DD; default today in London)')
    .option('--csv', 'print CSV instead of JSON')
    .option('--anonymised', 'suppress small numbers (rows with fewer than --min-cell due)')
    .option('--min-cell <k>', 'the small-number threshold K for --anonymised (default 10)')
    .action(async (o: ReportOptions) => {
      date('from', o.from);
      date('to', o.to);
      date('today', o.today);
      if (o.from > o.to) throw new CliError(EXIT.invalidInput, '--from: must be on or before --to');
      if (o.minCell !== undefined && !o.anonymised)
        throw new CliError(EXIT.usage, '--min-cell needs --anonymised');
      const minCell = o.minCell === undefined ? undefined : Number(o.minCell);
      if (minCell !== undefined && !(/^\d+$/.test(o.minCell!) && minCell >= 1))
        throw new CliError(EXIT.invalidInput, '--min-cell: expected a whole number of at least 1');
      await withCaseload(o.db, async ({ services }) => {
        const reports = new DeviceReportService(services.obligations);
        const period = { from: o.from, to: o.to, today: o.today };
        const report = o.anonymised
          ? await reports.anonymised(period, { minCell })
          : await reports.report(period);
        if (o.csv) process.stdout.write(reportCsv(report));
        else writeJson(report);
      });
    });

  program
    .command('report-pdf')
    .description("the adviser's printable monthly performance report (PDF) for one month")
    .requiredOption('--db <file>', 'caseload file (the passphrase comes from WAYMARK_PASSPHRASE)')
    .requiredOption('--month <month>', 'the month (YYYY-MM)')
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--today <date>', 'the day to compute for (YYYY-MM-DD; default today in London)')
    .action(async (o: { db: string; month: string; out: string; today?: string }) => {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.month))
        throw new CliError(EXIT.invalidInput, '--month: expected a month as YYYY-MM');
      date('today', o.today);
      await withCaseload(o.db, async ({ services, actor }) => {
        const bytes = await monthlyReportPdf(new DeviceReportService(services.obligations), {
          month: o.month,
          today: o.today,
          adviserName: actor.name,
          issuedAt: services.wp.now(),
        });
        writePrivateFile(o.out, bytes);
        writeJson({ written: o.out, bytes: bytes.length });
      });
    });
}
