/**
 * What the performance screen shows, from one computation of the caseload's obligations: the
 * report, the trend, the lists, and the obligations behind a figure, each with the participant's
 * name for the link to their page. Names stay in the app: never logged, never in an error.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { DeviceReportService } from './device-report';
import { ruleTitles } from './monthly-report-pdf';
import type { Obligation } from '@shared/domain/charter/obligation';
import { atRiskThisWeek, breached, obligationsBehind, type FigureRef } from '@shared/domain/report';
import type { NamedObligation, PerformanceView } from '@shared/ipc/channels/reports';

export class PerformanceViewService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly reports: DeviceReportService,
  ) {}

  async view(period: { from: string; to: string }): Promise<PerformanceView> {
    const { today, obligations } = await this.reports.caseloadObligations();
    const report = this.reports.reportOver(obligations, { ...period, today });
    const trend = this.reports.trendOver(obligations, period.to.slice(0, 7));
    const [atRisk, late] = await Promise.all([
      this.named(atRiskThisWeek(obligations, today)),
      this.named(breached(obligations, period)),
    ]);
    return { today, report, ruleTitles: ruleTitles(), trend, atRisk, breached: late };
  }

  async behind(ref: FigureRef): Promise<NamedObligation[]> {
    const { obligations } = await this.reports.caseloadObligations();
    return this.named(obligationsBehind(obligations, ref));
  }

  private async named(list: Obligation[]): Promise<NamedObligation[]> {
    const ids = [...new Set(list.map((o) => o.participantId))];
    const names = new Map<string, string>();
    // Chunks keep each IN list well under SQLite's variable limit.
    for (let i = 0; i < ids.length; i += 500)
      for (const p of await this.db
        .selectFrom('participants')
        .select(['id', 'given_name', 'family_name', 'preferred_name'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute())
        names.set(p.id, `${p.preferred_name ?? p.given_name} ${p.family_name}`);
    return list.map((o) => ({ ...o, participantName: names.get(o.participantId) ?? '' }));
  }
}
