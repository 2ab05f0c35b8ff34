import type { Session } from '../../app/session';
import type { Services } from '../../app/services';
import { runDesktopAction } from '../../app/desktop';
import { DeviceReportService } from '../../services/reports/device-report';
import { PerformanceViewService } from '../../services/reports/performance-view';
import { monthlyReportPdf } from '../../services/reports/monthly-report-pdf';
import type { Handlers } from '../router';

/** One report service per unlocked caseload (the obligations cache lives in its services). */
const perCaseload = new WeakMap<Services, DeviceReportService>();
const reportsOf = (services: Services) => {
  let reports = perCaseload.get(services);
  if (!reports)
    perCaseload.set(services, (reports = new DeviceReportService(services.obligations)));
  return reports;
};

export const reportHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, `reports:${string}`>> => {
  const view = () => {
    const { services } = session.require();
    return new PerformanceViewService(services.wp.db, reportsOf(services));
  };
  return {
    'reports:performance': (period) => view().view(period),
    'reports:behind': (ref) => view().behind(ref),
    'reports:monthlyPdf': async ({ month, action }) => {
      const { services, actor } = session.require();
      const bytes = await monthlyReportPdf(reportsOf(services), {
        month,
        adviserName: actor.name,
        issuedAt: services.wp.now(),
      });
      const fileName = `Charter performance ${month}.pdf`;
      const done = await runDesktopAction(session.desktop, action, bytes, {
        fileName,
        title: `Charter performance ${month}`,
      });
      return { action, done, fileName };
    },
  };
};
