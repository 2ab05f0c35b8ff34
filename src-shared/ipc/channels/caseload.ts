import { z } from 'zod';
import { channel, returns } from '../define';
import { DUE_FILTERS, type DueSummary } from '../../domain/charter/due-first';
import { PROGRAMMES, STATUSES, type CaseloadRow } from '../../schemas/participant';

export const CASELOAD_SORTS = [
  'name',
  'referralDate',
  'status',
  'programme',
  'postcode',
  'updatedAt',
] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

export const caseloadQuerySchema = z
  .object({
    search: z.string().max(100).default(''),
    status: z.enum(STATUSES).optional(),
    programme: z.enum(PROGRAMMES).optional(),
    /** Only participants with something overdue, or something due this week. */
    due: z.enum(DUE_FILTERS).optional(),
    sort: z.enum(CASELOAD_SORTS).default('name'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .strict();
export type CaseloadQuery = z.input<typeof caseloadQuerySchema>;

/**
 * The rows the caseload table asks for first, before the rest of its first page: a screenful
 * (a tall screen holds about 30 of its 48 px rows), so what is due is worked out for these
 * alone before the first row is drawn.
 */
export const CASELOAD_FIRST_ROWS = 40;

/** A caseload row with what is due (null when the participant's records give no obligations). */
export interface CaseloadPageRow extends CaseloadRow {
  due: DueSummary | null;
}

export interface CaseloadPage {
  total: number;
  offset: number;
  rows: CaseloadPageRow[];
}

export const caseloadChannels = {
  'caseload:list': channel(caseloadQuerySchema, returns<CaseloadPage>()),
};
