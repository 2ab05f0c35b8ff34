import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { verifyChain } from '../../write-path/audit-chain';

export interface AuditVerification {
  ok: boolean;
  entries: number;
  brokenAt: number | null;
  problem: string | null;
}

/** The entry written when the chain head outside the database did not match on opening. */
export const AUDIT_VERIFY_FAILED = 'audit.verify-failed';

/**
 * Walks the hash chain, and reports any mismatch with the chain head kept outside the database
 * found when the caseload was opened (recorded in the chain, so it stays reported).
 */
export async function verifyAuditLog(db: Kysely<Database>): Promise<AuditVerification> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  const broken = verifyChain(rows);
  const mismatch = broken ? undefined : rows.find((r) => r.action === AUDIT_VERIFY_FAILED);
  const problem = broken
    ? broken.problem
    : mismatch
      ? (JSON.parse(mismatch.detail) as { problem: string }).problem
      : null;
  return {
    ok: !broken && !mismatch,
    entries: rows.length,
    brokenAt: broken?.seq ?? mismatch?.seq ?? null,
    problem,
  };
}
