/**
 * The audit log for a manager: who did what to which record, filtered by participant, user,
 * action and date, exported as CSV, and the chain checked. Entries hold ids and field names,
 * never participant values; looking at the log is itself audited.
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import { auditQuerySchema } from '../../schemas/audit';

export { auditQuerySchema, type AuditQuery } from '../../schemas/audit';

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
