/**
 * The printable monthly performance report of the adviser's own caseload: the month's report and
 * the 12 months up to it from the device report, rendered by the shared pdfmake pipeline.
 */
import { createPdfRenderer } from '../../pdf/render';
import { buildPerformanceReport } from '../../pdf/documents/performance-report';
import { AppError } from '../../errors';
import type { DeviceReportService } from './device-report';
import type { ObligationRule } from '@shared/domain/charter/profile';
import { shippedProfile } from '@shared/domain/charter/shipped-profiles';
import { isMonth, monthPeriod } from '@shared/domain/report';

/** Rule names as the Work Programme profile words them (the caseload may mix profiles). */
export function ruleTitles(profileId = 'work-programme'): Record<ObligationRule, string> {
  const profile = shippedProfile(profileId)!;
  return Object.fromEntries(
    Object.entries(profile.rules).map(([rule, r]) => [rule, r.title]),
  ) as Record<ObligationRule, string>;
}

export async function monthlyReportPdf(
  reports: DeviceReportService,
  opts: { month: string; today?: string; adviserName: string; issuedAt: Date },
): Promise<Buffer> {
  if (!isMonth(opts.month)) throw new AppError('invalid-input', 'month: expected YYYY-MM', 'month');
  const { obligations, today } = await reports.caseloadObligations(opts.today);
  const report = reports.reportOver(obligations, { ...monthPeriod(opts.month), today });
  const trend = reports.trendOver(obligations, opts.month);
  const doc = buildPerformanceReport({
    issuedAt: opts.issuedAt.toISOString(),
    adviserName: opts.adviserName,
    month: opts.month,
    report,
    trend,
    ruleTitles: ruleTitles(),
  });
  return createPdfRenderer().render(doc);
}
