import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { verifyChain } from '../../write-path/audit-chain';

export interface AuditVerification {
  ok: boolean;
  entries: number;
  brokenAt: number | null;
  problem: string | null;
}

export async function verifyAuditLog(db: Kysely<Database>): Promise<AuditVerification> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  const broken = verifyChain(rows);
  return {
    ok: !broken,
    entries: rows.length,
    brokenAt: broken?.seq ?? null,
    problem: broken?.problem ?? null,
  };
}
