/**
 * A filter on the audit log: participant, part of a user's name, an action or its area, and
 * dates. Shared by the audit page's filter form and the IPC boundary.
 */
import { z } from 'zod';
import { civilDate } from './participant';

export const auditQuerySchema = z
  .object({
    participantId: z.string().uuid('Not a participant id').optional(),
    /** Part of the user's name, any case. */
    user: z.string().trim().max(80).optional(),
    /** An action such as 'participant.open', or its area such as 'participant'. */
    action: z
      .string()
      .max(60)
      .regex(/^[a-z0-9.-]+$/, 'Not an audit action')
      .optional(),
    from: civilDate.optional(),
    to: civilDate.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'The range must end on or after it starts',
  });
export type AuditQuery = z.output<typeof auditQuerySchema>;
export type AuditQueryInput = z.input<typeof auditQuerySchema>;
