/**
 * The audit log for a manager: who did what to which record, filtered by participant, user,
 * action and date, exported as CSV, and the chain checked. Entries hold ids and field names,
 * never participant values; looking at the log is itself audited.
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import { civilDate } from '../../schemas/participant';

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

export interface AuditEntryView {
  seq: number;
  at: string;
  user: string;
  action: string;
  entityType: string;
  entityId: string | null;
}

export interface AuditPage {
  total: number;
  entries: AuditEntryView[];
}

export interface AuditCheck {
  ok: boolean;
  entries: number;
  brokenAt: number | null;
  problem: string | null;
}

export const auditChannels = {
  'audit:list': channel(auditQuerySchema, returns<AuditPage>()),
  /** Every entry the filter matches (no paging), as CSV for a spreadsheet. */
  'audit:exportCsv': channel(auditQuerySchema, returns<{ fileName: string; content: string }>()),
  'audit:verify': channel(z.object({}).strict(), returns<AuditCheck>()),
};
