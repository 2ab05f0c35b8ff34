/**
 * The adviser's own performance report, computed on the device from the obligations the
 * ObligationService gives the agenda and the participant page (one truth: the report never
 * counts a second way). Every participant in the caseload file is in scope, exited ones
 * included: their past obligations still belong to the periods they fell due in.
 */
import { AppError } from '../../errors';
import type { ObligationService } from '../obligations/obligations';
import type { Obligation } from '@shared/domain/charter/obligation';
import {
  anonymiseReport,
  buildReport,
  byParticipant,
  checkReportPeriod,
  monthlyTrend,
  ReportInputError,
  type AnonymisedReport,
  type AnonymiseOptions,
  type Report,
  type TrendMonth,
} from '@shared/domain/report';

export interface DevicePeriod {
  from: string;
  to: string;
  /** Default: today in Europe/London by the session clock. */
  today?: string;
}

export class DeviceReportService {
  constructor(private readonly obligations: ObligationService) {}

  /** Every obligation of the caseload as of `today` (the engine's output form). */
  async caseloadObligations(today?: string): Promise<{ today: string; obligations: Obligation[] }> {
    const on = today ?? this.obligations.today();
    checked(() => checkReportPeriod({ from: on, to: on, today: on }));
    return { today: on, obligations: await this.obligations.caseload({ today: on }) };
  }

  async report(period: DevicePeriod): Promise<Report> {
    const today = period.today ?? this.obligations.today();
    // Check before computing 5,000 participants' obligations for a period that cannot be.
    checked(() => checkReportPeriod({ from: period.from, to: period.to, today }));
    const { obligations } = await this.caseloadObligations(today);
    return this.reportOver(obligations, { from: period.from, to: period.to, today });
  }

  /** The report over obligations already computed as of `period.today` (one read, many views). */
  reportOver(obligations: readonly Obligation[], period: Required<DevicePeriod>): Report {
    return checked(() => buildReport(byParticipant(obligations), null, period));
  }

  trendOver(obligations: readonly Obligation[], lastMonth: string, months = 12): TrendMonth[] {
    return checked(() => monthlyTrend(obligations, lastMonth, months));
  }

  async anonymised(period: DevicePeriod, options: AnonymiseOptions): Promise<AnonymisedReport> {
    const report = await this.report(period);
    return checked(() => anonymiseReport(report, options));
  }

  /** The last `months` calendar months up to and including `lastMonth`, as of `today`. */
  async trend(lastMonth: string, today?: string, months = 12): Promise<TrendMonth[]> {
    const { obligations } = await this.caseloadObligations(today);
    return this.trendOver(obligations, lastMonth, months);
  }
}

/** The report domain's input errors become the app's invalid-input errors (exit code 3). */
function checked<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ReportInputError) throw new AppError('invalid-input', error.message);
    throw error;
  }
}
