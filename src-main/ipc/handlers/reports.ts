import type { Session } from '../../app/session';
import { deliverMonthlyReport, performanceView } from '../../services/reports/caseload-reports';
import type { Handlers } from '../router';

export const reportHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, `reports:${string}`>> => {
  const services = () => session.require().services;
  return {
    'reports:performance': (period) => performanceView(services()).view(period),
    'reports:behind': (ref) => performanceView(services()).behind(ref),
    'reports:monthlyPdf': (input) => deliverMonthlyReport(services(), session.desktop, input),
  };
};
