/**
 * The audit log is a hash chain: each entry's hash covers its own fields and the previous hash,
 * so editing, deleting or reordering a row breaks every hash after it.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  seq: number;
  id: string;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  detail: string;
}

export function auditHash(prevHash: string, e: AuditFields): string {
  const body = JSON.stringify([
    e.seq,
    e.id,
    e.at,
    e.actor,
    e.action,
    e.entity_type,
    e.entity_id,
    e.detail,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export interface ChainProblem {
  seq: number;
  problem: string;
}

/** Walks the chain in seq order; returns the first break, or null if the chain is whole. */
export function verifyChain(
  rows: Iterable<AuditFields & { prev_hash: string; hash: string }>,
): ChainProblem | null {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    if (row.seq !== expectedSeq)
      return { seq: row.seq, problem: `entry ${expectedSeq} is missing` };
    if (row.prev_hash !== prev)
      return { seq: row.seq, problem: 'does not follow the entry before it' };
    if (auditHash(prev, row) !== row.hash) return { seq: row.seq, problem: 'has been altered' };
    prev = row.hash;
    expectedSeq++;
  }
  return null;
}
