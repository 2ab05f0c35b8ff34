/**
 * The manager's figures from the central service's report API (GET /v1/reports/performance),
 * with this device's sync enrolment. Each answer is kept in the caseload (central_reports), so
 * when the service cannot be reached the last figures for the same question are shown with the
 * time they were fetched. The service decides what a manager may see (a subcontractor's manager
 * gets only their own organisation's figures).
 */
import { AppError } from '../../errors';
import type { WritePath } from '../../write-path/write-path';
import { readState, enrolmentOf } from '../../sync/state';
import { REQUEST_TIMEOUT_MS } from '../../sync/transport';
import {
  centralReportSchema,
  type CentralReportView,
  type ManagerView,
} from '@shared/ipc/channels/organisation';
import type { Report } from '@shared/domain/report/report';

type Tables = { central_reports: { query: string; fetched_at: string; body: string } };

export interface CentralQuery {
  from: string;
  to: string;
  view: ManagerView;
}

const pathFor = (q: CentralQuery) =>
  `/v1/reports/performance?${new URLSearchParams({
    from: q.from,
    to: q.to,
    ...(q.view === 'organisation' ? {} : { by: q.view }),
  }).toString()}`;

export class CentralReportService {
  constructor(private readonly wp: WritePath) {}

  private get db() {
    return this.wp.db.withTables<Tables>();
  }

  async fetch(q: CentralQuery): Promise<CentralReportView> {
    const enrolment = enrolmentOf(await readState(this.wp.db));
    if (!enrolment)
      throw new AppError(
        'refused',
        'This device is not connected to a central service. Set up sync first.',
      );
    const key = `${q.from}|${q.to}|${q.view}`;
    const answer = await this.get(enrolment.serverUrl, enrolment.token, pathFor(q));
    if ('report' in answer) {
      const fetchedAt = this.wp.now().toISOString();
      const body = JSON.stringify(answer.report);
      await this.wp.transaction(async (w) => {
        await w.trx
          .withTables<Tables>()
          .insertInto('central_reports')
          .values({ query: key, fetched_at: fetchedAt, body })
          .onConflict((oc) => oc.column('query').doUpdateSet({ fetched_at: fetchedAt, body }))
          .execute();
        await w.audit('report.central-fetch', 'central_report', null, { view: q.view });
      });
      return { report: answer.report, fetchedAt, live: true, problem: null };
    }
    if (answer.forbidden)
      throw new AppError('forbidden', 'The central service does not give you these figures.');
    const kept = await this.db
      .selectFrom('central_reports')
      .selectAll()
      .where('query', '=', key)
      .executeTakeFirst();
    if (!kept)
      throw new AppError(
        'refused',
        `${answer.problem} No figures for this period have been fetched on this device before.`,
      );
    return {
      report: JSON.parse(kept.body) as Report,
      fetchedAt: kept.fetched_at,
      live: false,
      problem: answer.problem,
    };
  }

  /** One GET with a timeout; the problem is said in plain words, never quoting the reply. */
  private async get(
    serverUrl: string,
    token: string,
    path: string,
  ): Promise<{ report: Report } | { forbidden: true } | { forbidden: false; problem: string }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      const response = await fetch(new URL(path, serverUrl), {
        headers: { authorization: `Bearer ${token}` },
        signal: controller.signal,
      });
      if (response.status === 401 || response.status === 403) return { forbidden: true };
      if (!response.ok)
        return {
          forbidden: false,
          problem: `The central service could not answer (HTTP ${response.status}).`,
        };
      const parsed = centralReportSchema.safeParse(await response.json());
      if (!parsed.success)
        return {
          forbidden: false,
          problem: 'The central service sent figures in an unknown form.',
        };
      return { report: parsed.data as Report };
    } catch {
      return {
        forbidden: false,
        problem: controller.signal.aborted
          ? 'The central service did not answer in time.'
          : 'The central service could not be reached.',
      };
    } finally {
      clearTimeout(timer);
    }
  }
}
