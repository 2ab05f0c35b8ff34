/**
 * The manager's charter performance from the central service: office, provider and
 * subcontractor, or the whole organisation. The last figures fetched are kept in the caseload, so
 * the screen still works offline and says how old they are.
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import { civilDate } from '../../schemas/participant';
import type { Report } from '../../domain/report/report';

export const MANAGER_VIEWS = ['organisation', 'office', 'provider', 'subcontractor'] as const;
export type ManagerView = (typeof MANAGER_VIEWS)[number];

export interface CentralReportView {
  report: Report;
  /** When these figures were fetched from the central service (ISO instant). */
  fetchedAt: string;
  /** False when the service could not be reached and these are the last figures fetched. */
  live: boolean;
  /** Why the service could not be reached (no participant data). */
  problem: string | null;
}

const figureSchema = z.object({
  rule: z.string(),
  due: z.number().int(),
  met: z.number().int(),
  metLate: z.number().int(),
  missed: z.number().int(),
  pending: z.number().int(),
  onTimePercent: z.number().nullable(),
});

/** What the central service must send back (report-format.md); anything else is refused. */
export const centralReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  today: z.string(),
  rules: z.array(figureSchema),
  groups: z.array(
    z.object({
      by: z.enum(['adviser', 'office', 'provider', 'subcontractor']),
      id: z.string(),
      name: z.string(),
      rules: z.array(figureSchema),
    }),
  ),
});

export const centralReportChannels = {
  'organisation:performance': channel(
    z
      .object({ from: civilDate, to: civilDate, view: z.enum(MANAGER_VIEWS) })
      .strict()
      .refine((p) => p.from <= p.to, { path: ['from'], message: 'The start must come first' }),
    returns<CentralReportView>(),
  ),
};
