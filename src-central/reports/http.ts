/**
 * `GET /v1/reports/performance?from&to[&today][&by][&anonymised][&minCell]`: the organisation's
 * charter performance report (report-format.md JSON) for managers (a subcontractor’s manager gets
 * only their own organisation’s figures, scope.ts). Authorised by the device
 * token of a user whose role is manager; any other valid device gets 403. The query is checked
 * with zod at the boundary; a bad query is a 400 naming the field and reads nothing.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema';
import { authenticate } from '../org/devices';
import { isCivilDate } from '@shared/domain/calendar/civil-date';
import { REPORT_GROUPINGS } from '@shared/domain/report';
import { reportOptions, runReport } from './performance';
import { subcontractorOf } from './scope';

export const REPORT_PATHS = { performance: '/v1/reports/performance' } as const;

const civilDate = z.string().refine(isCivilDate, 'Expected a real date as YYYY-MM-DD');

export const performanceQuerySchema = z
  .object({
    from: civilDate,
    to: civilDate,
    today: civilDate.optional(),
    by: z.enum(REPORT_GROUPINGS).optional(),
    anonymised: z.enum(['true', 'false']).optional(),
    minCell: z
      .string()
      .regex(/^\d+$/)
      .refine((v) => Number(v) >= 1, 'Expected a whole number of at least 1')
      .optional(),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must be on or before to', path: ['from'] })
  .refine((q) => q.minCell === undefined || q.anonymised === 'true', {
    message: 'minCell needs anonymised=true',
    path: ['minCell'],
  });

export function registerReportRoutes(
  app: FastifyInstance,
  db: Kysely<CentralDatabase>,
  now: () => Date,
): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      REPORT_PATHS.performance,
      { schema: { querystring: performanceQuerySchema } },
      async (request, reply) => {
        const device = await authenticate(db, request.headers.authorization);
        const user = await db
          .selectFrom('users')
          .select('role')
          .where('id', '=', device.userId)
          .where('organisation_id', '=', device.organisationId)
          .executeTakeFirst();
        if (user?.role !== 'manager')
          return reply.status(403).send({
            code: 'forbidden',
            message: 'Only a manager can see the organisation’s report',
          });
        const q = request.query;
        // A subcontractor's manager sees only their own organisation's figures, whatever is asked.
        const provider = await subcontractorOf(db, device.organisationId, device.userId);
        return runReport(db, {
          ...reportOptions({ ...q, anonymised: q.anonymised === 'true' }, now()),
          provider,
        });
      },
    );
}
