/**
 * The adviser's charter performance over the unlocked caseload: the screen's view, the
 * obligations behind a figure, and the monthly PDF. One report service per unlocked caseload, so
 * the obligations cache lives as long as its services do.
 */
import type { Services } from '../../app/services';
import type { Desktop } from '../../app/desktop';
import { DeviceReportService } from './device-report';
import { PerformanceViewService } from './performance-view';
import { monthlyReportPdf } from './monthly-report-pdf';
import { deliverPdf } from '../documents/pdf-delivery';
import type { DesktopOutcome } from '@shared/ipc/channels/desktop';
import type { ChannelParsed } from '@shared/ipc/contract';

type ReportSources = Pick<Services, 'wp' | 'obligations'>;

const perCaseload = new WeakMap<ReportSources, DeviceReportService>();

function reportsOf(services: ReportSources): DeviceReportService {
  let reports = perCaseload.get(services);
  if (!reports)
    perCaseload.set(services, (reports = new DeviceReportService(services.obligations)));
  return reports;
}

/** The performance screen's view and the obligations behind one of its figures. */
export const performanceView = (services: ReportSources): PerformanceViewService =>
  new PerformanceViewService(services.wp.db, reportsOf(services));

/** The month's charter performance as a PDF, signed by the adviser, printed, opened or saved. */
export async function deliverMonthlyReport(
  services: ReportSources,
  desktop: Desktop,
  { month, action }: ChannelParsed<'reports:monthlyPdf'>,
): Promise<DesktopOutcome> {
  const bytes = await monthlyReportPdf(reportsOf(services), {
    month,
    adviserName: services.wp.actor.name,
    issuedAt: services.wp.now(),
  });
  const title = `Charter performance ${month}`;
  return deliverPdf(desktop, action, { bytes, fileName: `${title}.pdf`, title });
}
